import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RATINGS, isGenError } from '../../../core/domain';
import { BUNDLE_FILE, runExport } from '../../../core/export';
import { readJson, sampleProject } from '../../unit/export/export-kit';

// RELIABILITY.md RATE-6: the export clamps (ratingCeiling) or refuses and names the node; never above the cap.

describe('RATE-6 export ratings', () => {
  it.each(CONTENT_RATINGS.flatMap((cap) => CONTENT_RATINGS.map((override) => [cap, override] as const)))(
    'exports no rating above the world cap (cap %s, override %s)',
    async (cap, override) => {
      const { dir, projectPath, document } = await sampleProject();
      document.world.settings.maxContentRating = cap;
      const tomas = document.generationNodes.find((n) => n.id === 'gen-tomas-reaction')!;
      (tomas.config.socialContext as Record<string, unknown>).contentRating = override;
      const outDir = path.join(dir, 'out');
      const outcome = await runExport({ document, projectPath, outDir }, { user: { maxContentRating: 'restricted' } }).catch((cause: unknown) => cause);
      const above = CONTENT_RATINGS.indexOf(override) > CONTENT_RATINGS.indexOf(cap);
      if (above) {
        expect(isGenError(outcome) && outcome.code).toBe('GEN_EXPORT_BLOCKED');
        expect((outcome as Error).message).toContain('gen-tomas-reaction');
        expect((outcome as { details: { problems: Array<{ rule: string }> } }).details.problems.map((p) => p.rule)).toContain('V12');
        return;
      }
      const bundle = await readJson(path.join(outDir, BUNDLE_FILE));
      const ceilings = (bundle.nodes as Array<{ id: string; social: { ratingCeiling: string; ratingOverride: string | null } }>).map((n) => n.social);
      for (const social of ceilings) {
        expect(CONTENT_RATINGS.indexOf(social.ratingCeiling as (typeof CONTENT_RATINGS)[number])).toBeLessThanOrEqual(CONTENT_RATINGS.indexOf(cap));
      }
      expect((bundle.nodes as Array<{ id: string; social: { ratingCeiling: string } }>).find((n) => n.id === 'gen-tomas-reaction')!.social.ratingCeiling).toBe(override);
    },
  );
});
