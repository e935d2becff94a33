import type { PromptCatalog } from '../../../core/domain';

const createdAt = '2026-01-01T00:00:00.000Z';

function family(id: string, slug: string): PromptCatalog['families'][number] {
  return { id, slug, title: slug, promptType: 'narrative', tags: [], isActive: true, createdAt };
}

/** A small library: `pf-intro` has two versions (2 is the latest), `pf-empty` has none. */
export const CATALOG: PromptCatalog = {
  families: [family('pf-intro', 'intro'), family('pf-empty', 'empty')],
  versions: [
    { id: 'pv-intro-1', familyId: 'pf-intro', versionNumber: 1, text: 'Old {{legacy}} text', variables: {}, tags: [], createdAt },
    {
      id: 'pv-intro-2',
      familyId: 'pf-intro',
      versionNumber: 2,
      parentVersionId: 'pv-intro-1',
      text: '{{greeting}}, {{npc.name}}! The mood is {{mood}} and the tone {{ tone }}. {{greeting}}',
      variables: { greeting: { type: 'string', default: 'Hello' }, tone: { type: 'string' } },
      tags: [],
      createdAt,
    },
  ],
};
