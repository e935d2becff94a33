import { GenError, type GenerationStatus } from '../domain';

// generation.md §12: the only moves a generation can make. Everything else is GEN_INVALID_TRANSITION,
// and the storage applies each move as a conditional update (… WHERE status = :from).

const ALLOWED: Readonly<Record<GenerationStatus, readonly GenerationStatus[]>> = {
  pending: ['processing', 'cancelled', 'failed'],
  processing: ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
};

export function canTransition(from: GenerationStatus, to: GenerationStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function invalidTransition(id: string, from: GenerationStatus, to: GenerationStatus): GenError {
  return new GenError('GEN_INVALID_TRANSITION', `Generation '${id}' is ${from} and cannot become ${to}.`, { id, from, to });
}

export function assertTransition(id: string, from: GenerationStatus, to: GenerationStatus): void {
  if (!canTransition(from, to)) throw invalidTransition(id, from, to);
}
