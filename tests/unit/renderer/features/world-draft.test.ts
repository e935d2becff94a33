import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATIONSHIP_SCHEMA, type RelationshipSchema } from '../../../../core/domain/relationship-schema';
import {
  applyDraft,
  draftFromDocument,
  duplicateIds,
  editableSchema,
  issuesAt,
  nextNpcId,
  schemaIssues,
  tierGap,
  tierRanges,
  withConditionType,
} from '../../../../renderer/features/world-settings/world-draft';
import { sampleDocument } from './fixtures';

function schema(): RelationshipSchema {
  return structuredClone(DEFAULT_RELATIONSHIP_SCHEMA) as RelationshipSchema;
}

describe('relationship schema editor logic (studio-ui.md §10)', () => {
  it('shows the half-open tier ranges of social.md §2', () => {
    expect(tierRanges(DEFAULT_RELATIONSHIP_SCHEMA).map((r) => r.text)).toEqual([
      '0 ≤ affinity < 10',
      '10 ≤ affinity < 30',
      '30 ≤ affinity < 60',
      '60 ≤ affinity < 80',
      '80 ≤ affinity ≤ 100',
    ]);
  });

  it('has no issues for the default schema and edits a copy of it', () => {
    expect(schemaIssues(DEFAULT_RELATIONSHIP_SCHEMA)).toEqual({});
    const editable = editableSchema({});
    editable.tiers[0]!.id = 'changed';
    expect(DEFAULT_RELATIONSHIP_SCHEMA.tiers[0]?.id).toBe('stranger');
  });

  it('flags duplicate ids at their path', () => {
    const s = schema();
    s.tiers[2] = { ...s.tiers[2]!, id: 'stranger' };
    expect(duplicateIds(s.tiers)).toEqual(new Set(['stranger']));
    expect(issuesAt(schemaIssues(s), 'tiers.2.id')).toEqual(["duplicate id 'stranger'"]);
  });

  it('flags a gap below the first tier and tiers out of order', () => {
    const s = schema();
    s.tiers[0] = { ...s.tiers[0]!, min: 5 };
    expect(tierGap(s)).toBe('Gap: 0 ≤ affinity < 5 has no tier');
    expect(issuesAt(schemaIssues(s), 'tiers.0.min')).toEqual(['the first tier must start at the axis min 0']);
    const t = schema();
    t.tiers[3] = { ...t.tiers[3]!, min: 20 };
    expect(issuesAt(schemaIssues(t), 'tiers.3.min')).toEqual(['tier mins must strictly increase']);
  });

  it('accepts any finite axis range with min < max', () => {
    const s = schema();
    s.axes = [{ id: 'affinity', min: -1, max: 1 }, ...s.axes.slice(1)];
    s.tiers = [{ id: 'cold', min: -1 }, { id: 'warm', min: 0 }];
    s.levels = [];
    expect(schemaIssues(s)).toEqual({});
    s.axes[0] = { id: 'affinity', min: 1, max: 1 };
    expect(issuesAt(schemaIssues(s), 'axes.0.max')).toEqual(['min must be less than max']);
  });

  it('switches a condition type keeping the bounds that still apply', () => {
    expect(withConditionType({ axis: 'trust', type: 'min', min: 40 }, 'range')).toEqual({ axis: 'trust', type: 'range', min: 40, max: 100 });
    expect(withConditionType({ axis: 'trust', type: 'range', min: 10, max: 20 }, 'max')).toEqual({ axis: 'trust', type: 'max', max: 20 });
  });
});

describe('world draft', () => {
  it('writes name, settings, NPCs and presets back and keeps everything else', () => {
    const doc = sampleDocument();
    const draft = draftFromDocument(doc);
    draft.worldName = 'Harbor';
    draft.settings.maxContentRating = 'mature_implied';
    draft.npcs.push({ id: nextNpcId(draft.npcs), name: 'Otto', presets: [] });
    const next = applyDraft(doc, draft);
    expect(next.world).toEqual({ id: doc.world.id, name: 'Harbor', settings: { maxContentRating: 'mature_implied' } });
    expect(next.npcs.map((n) => n.id)).toEqual([7, 9, 10]);
    expect(next.scenes).toBe(doc.scenes);
    expect(doc.world.settings).toEqual({});
  });
});
