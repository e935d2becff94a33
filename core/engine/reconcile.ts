import type { StartupNotice } from '../storage';
import type { EngineContext } from './engine-context';
import type { GenerationRow } from './generation-row';
import { emptyFinish, interruptedError } from './attempt-outcomes';
import type { Finisher } from './terminal-writes';

// generation.md §16: before the scheduler starts, settle what a process that ended without closing
// left behind. Never resubmits: a known job id resumes polling, anything else fails GEN_INTERRUPTED.

export function reconcileAtOpen(ctx: EngineContext, finisher: Finisher): StartupNotice[] {
  const now = ctx.now();
  ctx.queue.releaseExpired(now);
  ctx.queue.releaseDeadOwners(now, processAlive);
  const orphans = ctx.db
    .prepare<[number], GenerationRow>(
      `SELECT g.* FROM generations g JOIN jobs j ON j.generationId = g.id
       WHERE g.status = 'processing' AND (j.leaseExpiresAt IS NULL OR j.leaseExpiresAt <= ?) ORDER BY g.createdAt`,
    )
    .all(now);
  let interrupted = 0;
  for (const row of orphans) {
    const last = ctx.log.last(row.id);
    if (last === undefined || last.outcome !== 'running') continue; // waiting for its next attempt: stays queued
    const provider = ctx.providers.find(row.providerId);
    const pollable = provider !== undefined && provider.settings.enabled && provider.adapter.poll !== undefined;
    if (last.providerJobId !== null && pollable) {
      ctx.store.commit('resume a generation', (emit) =>
        emit('generation.resumed', row.id, { generationId: row.id, providerJobId: last.providerJobId }),
      );
      continue;
    }
    finisher.fail(row, 'processing', { error: interruptedError('processing'), errorClass: null }, () =>
      ctx.log.finish({ ...emptyFinish(row.id, last.attempt), endedAt: ctx.now(), outcome: 'interrupted' }),
    );
    interrupted += 1;
  }
  if (interrupted === 0) return [];
  return [
    {
      code: 'GEN_INTERRUPTED',
      message: `${interrupted} generation${interrupted === 1 ? ' was' : 's were'} interrupted when Genweave Studio last stopped and ended as failed.`,
    },
  ];
}

/** Signal 0 checks existence only; EPERM means it exists under another user. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
