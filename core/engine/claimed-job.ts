import type { GenerationRow } from './generation-row';
import type { ResolvedProvider } from './provider-registry';
import type { JobRow } from './queue-store';

// What the scheduler hands from a claim (scheduler.ts claimWithin) to the runs it launches after the commit.

/** A job started inside the claim transaction: processing, with its first attempt recorded. */
export type StartedJob = { row: GenerationRow; provider: ResolvedProvider; attempt: number; startedAt: number };

/** A claimed job, and its start when the claim could start it (else run() takes the full path). */
export type ClaimedJob = { job: JobRow; started: StartedJob | null };
