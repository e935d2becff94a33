import type { Npc, PlaythroughPreset, ProjectDocument } from '../../../core/domain/project-document';
import {
  DEFAULT_RELATIONSHIP_SCHEMA,
  RelationshipSchemaSchema,
  type LevelCondition,
  type RelationshipSchema,
} from '../../../core/domain/relationship-schema';
import type { WorldSettings } from '../../../core/domain/world';
import { allIds } from '../../graph/document-ops';
import { newId } from '../../lib/ids';

// studio-ui.md §10, world settings: the dialog edits a draft of the world, its NPCs and its playthrough
// presets; Save writes them back in one `commit` (one undo step). The relationship schema is checked live
// with RelationshipSchemaSchema (domain.md §7); issues are keyed by their dotted path for inline display.

export type WorldDraft = {
  worldName: string;
  settings: WorldSettings;
  npcs: Npc[];
  presets: PlaythroughPreset[];
};

export function draftFromDocument(doc: ProjectDocument): WorldDraft {
  return {
    worldName: doc.world.name,
    settings: structuredClone(doc.world.settings),
    npcs: structuredClone(doc.npcs),
    presets: structuredClone(doc.playthroughPresets),
  };
}

export function applyDraft(doc: ProjectDocument, draft: WorldDraft): ProjectDocument {
  return {
    ...doc,
    world: { ...doc.world, name: draft.worldName, settings: draft.settings },
    npcs: draft.npcs,
    playthroughPresets: draft.presets,
  };
}

/** The schema being edited: the world's own, or a fresh copy of the default when it has none. */
export function editableSchema(settings: WorldSettings): RelationshipSchema {
  return settings.relationshipSchema ?? structuredClone(DEFAULT_RELATIONSHIP_SCHEMA) as RelationshipSchema;
}

export type SchemaIssues = Record<string, string[]>;

export function schemaIssues(schema: RelationshipSchema | undefined): SchemaIssues {
  if (schema === undefined) return {};
  const parsed = RelationshipSchemaSchema.safeParse(schema);
  if (parsed.success) return {};
  const out: SchemaIssues = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    (out[path] ??= []).push(issue.message);
  }
  return out;
}

/** Issues at `path` or below it. */
export function issuesAt(issues: SchemaIssues, path: string): string[] {
  return Object.entries(issues)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
}

export type TierRange = { id: string; text: string };

/** The half-open ranges the tiers produce (social.md §2): `[min, next min)`, the last closed at the axis max. */
export function tierRanges(schema: RelationshipSchema): TierRange[] {
  const axis = schema.axes.find((a) => a.id === schema.tierAxis);
  const name = axis?.label ?? schema.tierAxis;
  return schema.tiers.map((tier, i) => {
    const next = schema.tiers[i + 1];
    if (next) return { id: tier.id, text: `${tier.min} ≤ ${name} < ${next.min}` };
    return { id: tier.id, text: `${tier.min} ≤ ${name} ≤ ${axis ? axis.max : '?'}` };
  });
}

/** A gap below the first tier: values there would have no tier (the schema refuses it). */
export function tierGap(schema: RelationshipSchema): string | null {
  const axis = schema.axes.find((a) => a.id === schema.tierAxis);
  const first = schema.tiers[0];
  if (!axis || !first || first.min <= axis.min) return null;
  return `Gap: ${axis.min} ≤ ${axis.label ?? axis.id} < ${first.min} has no tier`;
}

export function duplicateIds(items: readonly { id: string }[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const { id } of items) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

export function nextNpcId(npcs: readonly Npc[]): number {
  return npcs.reduce((max, npc) => Math.max(max, npc.id), 0) + 1;
}

export function newPresetId(doc: ProjectDocument, draft: WorldDraft): string {
  const taken = allIds(doc);
  for (const p of draft.presets) taken.add(p.id);
  return newId('preset-', taken);
}

export function defaultCondition(schema: RelationshipSchema): LevelCondition {
  return { axis: schema.axes[0]?.id ?? 'affinity', type: 'min', min: schema.axes[0]?.min ?? 0 };
}

/** Switches a condition's type, keeping whatever bounds still apply. */
export function withConditionType(cond: LevelCondition, type: LevelCondition['type']): LevelCondition {
  const min = 'min' in cond ? cond.min : 0;
  const max = 'max' in cond ? cond.max : 100;
  if (type === 'min') return { axis: cond.axis, type, min };
  if (type === 'max') return { axis: cond.axis, type, max };
  return { axis: cond.axis, type, min, max };
}

