import { useEffect, useState } from 'react';
import type { GenerationNode } from '../../../core/domain/project-document';
import { buildCreateRequest, DEFAULT_PREVIEW_CONTEXT } from '../../graph/build-request';
import { useGraphStore, useRunStore, useStudio } from '../../stores/context';

const DRY_RUN_DEBOUNCE_MS = 400;

/**
 * studio-ui.md §4.2: true when the node's last completed result was made from other output-shaping inputs
 * than the draft's (its hash differs) although the cache key is the same and no bump is pending, for
 * example after a linked scene was edited. The draft's hash comes from `generations.validate` (a dry run).
 */
export function useFreshnessHint(node: GenerationNode, draftConfig: Record<string, unknown>, bumpPending: boolean): boolean {
  const { rpc, graph } = useStudio();
  const doc = useGraphStore((s) => s.document);
  const run = useRunStore((s) => s.byNode[node.id]);
  const [stale, setStale] = useState(false);
  const completed = run?.status === 'completed' ? run : null;

  useEffect(() => {
    if (!doc || !completed || bumpPending) {
      setStale(false);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const context = {
        playthroughId: completed.playthroughId ?? DEFAULT_PREVIEW_CONTEXT.playthroughId,
        playerId: completed.playerId ?? DEFAULT_PREVIEW_CONTEXT.playerId,
      };
      void rpc.call('generations.validate', buildCreateRequest(doc, node.id, draftConfig, graph.getState().path, context)).then((reply) => {
        if (!live) return;
        const dry = reply.ok ? reply.result : null;
        setStale(!!dry?.hash && dry.cacheKey === completed.cacheKey && dry.hash !== completed.hash);
      });
    }, DRY_RUN_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rpc, graph, doc, node.id, draftConfig, bumpPending, completed]);

  return stale;
}
