import type Database from 'better-sqlite3';
import { GenError, type BudgetState, type BudgetLimits } from '../domain';
import { prepareNumbered } from '../storage';

// engine.md §6: spent = costs of every generation in the scope; reserved = estimates of its pending
// and processing generations, this one excluded. A paid call fails when spent + reserved + estimate
// exceeds either limit.

export type BudgetScope = { projectId: string; nodeId: string };

export type Budgets = ReturnType<typeof createBudgets>;

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

export function createBudgets(db: Database.Database) {
  const nodeFigures = prepareNumbered<[string, string, string], { spent: number; reserved: number }>(db, `SELECT coalesce(sum(coalesce(costUsd, 0)), 0) AS spent,
       coalesce(sum(CASE WHEN status IN ('pending', 'processing') AND id <> ?3 THEN estimatedCostUsd ELSE 0 END), 0) AS reserved
     FROM generations WHERE projectId = ?1 AND nodeId = ?2`,
  );
  const projectFigures = prepareNumbered<[string, string], { spent: number; reserved: number }>(db, `SELECT coalesce(sum(coalesce(costUsd, 0)), 0) AS spent,
       coalesce(sum(CASE WHEN status IN ('pending', 'processing') AND id <> ?2 THEN estimatedCostUsd ELSE 0 END), 0) AS reserved
     FROM generations WHERE projectId = ?1`,
  );

  function states(limits: BudgetLimits | undefined, scope: BudgetScope, excludeId: string): { node?: BudgetState; project?: BudgetState } {
    const out: { node?: BudgetState; project?: BudgetState } = {};
    if (limits?.nodeUsd !== undefined) {
      const f = nodeFigures.get(scope.projectId, scope.nodeId, excludeId) ?? { spent: 0, reserved: 0 };
      out.node = { limitUsd: limits.nodeUsd, spentUsd: f.spent, reservedUsd: f.reserved };
    }
    if (limits?.projectUsd !== undefined) {
      const f = projectFigures.get(scope.projectId, excludeId) ?? { spent: 0, reserved: 0 };
      out.project = { limitUsd: limits.projectUsd, spentUsd: f.spent, reservedUsd: f.reserved };
    }
    return out;
  }

  return {
    states,
    /** Throws GEN_BUDGET_EXCEEDED for a paid call that does not fit; free calls are never checked. */
    check(limits: BudgetLimits | undefined, scope: BudgetScope, estimateUsd: number, excludeId = ''): void {
      if (!(estimateUsd > 0)) return;
      const current = states(limits, scope, excludeId);
      for (const kind of ['node', 'project'] as const) {
        const state = current[kind];
        if (state === undefined) continue;
        if (state.spentUsd + state.reservedUsd + estimateUsd > state.limitUsd) {
          const name = kind === 'node' ? scope.nodeId : scope.projectId;
          throw new GenError(
            'GEN_BUDGET_EXCEEDED',
            `Budget exceeded for ${kind} ${name}: ${usd(state.spentUsd)} spent + ${usd(state.reservedUsd)} reserved + ${usd(estimateUsd)} estimated > ${usd(state.limitUsd)} limit`,
            { scope: kind, limitUsd: state.limitUsd, spentUsd: state.spentUsd, reservedUsd: state.reservedUsd, estimateUsd },
          );
        }
      }
    },
  };
}
