import { diffLines } from 'diff';
import type { PromptCatalog, PromptFamily, PromptVariableDeclaration, PromptVersion } from '../../../core/domain/prompt-catalog';
import type { ProjectDocument } from '../../../core/domain/project-document';
import type { PromptType } from '../../../core/domain/vocabulary';
import { PLACEHOLDER_PATTERN } from '../../../core/prompts';

// prompts.md §2: pure edits of the project's prompt library. Versions are immutable and never deleted;
// "editing" adds a version with the next number and its parent; families are deactivated, never removed.
// Each function returns a new catalog that shares every untouched record with the old one.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) / 0x1_0000_0000;
}

/** `pf-` / `pv-` followed by 8 base-36 characters, not already taken (prompts.md §2). */
export function newCatalogId(prefix: 'pf-' | 'pv-', taken: ReadonlySet<string>, random: () => number = cryptoRandom): string {
  for (;;) {
    let id = prefix;
    for (let i = 0; i < 8; i += 1) id += ALPHABET[Math.floor(random() * 36)] ?? '0';
    if (!taken.has(id)) return id;
  }
}

/** A slug of `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 100 characters, unique in the catalog. */
export function slugify(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90)
      .replace(/-+$/, '') || 'prompt';
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  return slug;
}

export function versionsOf(catalog: PromptCatalog, familyId: string): PromptVersion[] {
  return catalog.versions.filter((v) => v.familyId === familyId).sort((a, b) => b.versionNumber - a.versionNumber);
}

export function nextVersionNumber(catalog: PromptCatalog, familyId: string): number {
  return catalog.versions.reduce((max, v) => (v.familyId === familyId ? Math.max(max, v.versionNumber) : max), 0) + 1;
}

export type NewFamilyInput = {
  title: string;
  promptType: PromptType;
  text: string;
  description?: string;
  category?: string;
  commitMessage?: string;
};

export type CatalogEdit = { catalog: PromptCatalog; familyId: string; versionId: string };

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function addFamily(catalog: PromptCatalog, input: NewFamilyInput, now: string, random?: () => number): CatalogEdit {
  const taken = new Set([...catalog.families.map((f) => f.id), ...catalog.versions.map((v) => v.id)]);
  const familyId = newCatalogId('pf-', taken, random);
  taken.add(familyId);
  const versionId = newCatalogId('pv-', taken, random);
  const family: PromptFamily = {
    id: familyId,
    slug: slugify(input.title, new Set(catalog.families.map((f) => f.slug))),
    title: input.title.trim(),
    promptType: input.promptType,
    tags: [],
    isActive: true,
    createdAt: now,
  };
  const description = clean(input.description);
  if (description) family.description = description;
  const category = clean(input.category);
  if (category) family.category = category.slice(0, 100);
  const version: PromptVersion = { id: versionId, familyId, versionNumber: 1, text: input.text, variables: {}, tags: [], createdAt: now };
  const message = clean(input.commitMessage);
  if (message) version.commitMessage = message.slice(0, 500);
  return { catalog: { families: [...catalog.families, family], versions: [...catalog.versions, version] }, familyId, versionId };
}

export type NewVersionInput = {
  familyId: string;
  parentVersionId?: string;
  text: string;
  commitMessage?: string;
  variables?: Record<string, PromptVariableDeclaration>;
};

export function addVersion(catalog: PromptCatalog, input: NewVersionInput, now: string, random?: () => number): CatalogEdit {
  const taken = new Set([...catalog.families.map((f) => f.id), ...catalog.versions.map((v) => v.id)]);
  const versionId = newCatalogId('pv-', taken, random);
  const version: PromptVersion = {
    id: versionId,
    familyId: input.familyId,
    versionNumber: nextVersionNumber(catalog, input.familyId),
    text: input.text,
    variables: input.variables ?? {},
    tags: [],
    createdAt: now,
  };
  if (input.parentVersionId) version.parentVersionId = input.parentVersionId;
  const message = clean(input.commitMessage);
  if (message) version.commitMessage = message.slice(0, 500);
  return { catalog: { ...catalog, versions: [...catalog.versions, version] }, familyId: input.familyId, versionId };
}

export function setFamilyActive(catalog: PromptCatalog, familyId: string, isActive: boolean): PromptCatalog {
  if (!catalog.families.some((f) => f.id === familyId && f.isActive !== isActive)) return catalog;
  return { ...catalog, families: catalog.families.map((f) => (f.id === familyId ? { ...f, isActive } : f)) };
}

/** The document with its library replaced: what the shell's `commit` applies as one undo step. */
export function withCatalog(doc: ProjectDocument, catalog: PromptCatalog): ProjectDocument {
  return doc.prompts === catalog ? doc : { ...doc, prompts: catalog };
}

export type NodeUse = { nodeId: string; label: string; versionId: string | null };

/**
 * prompts.md §7: the nodes that reference this family, found by scanning the open document. A node pinned to
 * a version (`prompt.versionId`) uses that version; one following the family (`versionId` null) uses the latest.
 */
export function nodesUsingFamily(doc: Pick<ProjectDocument, 'generationNodes'>, catalog: PromptCatalog, familyId: string): NodeUse[] {
  const ids = new Set(catalog.versions.filter((v) => v.familyId === familyId).map((v) => v.id));
  const out: NodeUse[] = [];
  for (const node of doc.generationNodes) {
    const prompt = node.config['prompt'];
    if (typeof prompt !== 'object' || prompt === null) continue;
    const versionId = (prompt as Record<string, unknown>)['versionId'];
    const family = (prompt as Record<string, unknown>)['familyId'];
    const label = node.label || node.id;
    if (typeof versionId === 'string' && versionId !== '') {
      if (ids.has(versionId)) out.push({ nodeId: node.id, label, versionId });
    } else if (family === familyId) {
      out.push({ nodeId: node.id, label, versionId: null });
    }
  }
  return out;
}

export type TextSegment = { text: string; placeholder: string | null };

/** Splits a template into literal text and placeholders (prompts.md §3 grammar) for highlighting. */
export function templateSegments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(PLACEHOLDER_PATTERN.source, 'g'))) {
    const index = match.index ?? 0;
    if (index > last) out.push({ text: text.slice(last, index), placeholder: null });
    out.push({ text: match[0], placeholder: match[1] ?? null });
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), placeholder: null });
  return out;
}

export type DiffLine = { kind: 'added' | 'removed' | 'same'; text: string; oldNo: number | null; newNo: number | null };

/** A line diff of two version texts (computed when shown, never stored; prompts.md §2). */
export function lineDiff(oldText: string, newText: string): DiffLine[] {
  const out: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  for (const change of diffLines(oldText, newText)) {
    const lines = change.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (change.added) out.push({ kind: 'added', text, oldNo: null, newNo: newNo++ });
      else if (change.removed) out.push({ kind: 'removed', text, oldNo: oldNo++, newNo: null });
      else out.push({ kind: 'same', text, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  return out;
}
