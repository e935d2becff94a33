import type { OperationType, ProviderConfig } from '../domain';

/** `config.operations` narrows the kind's operations (providers.md §2); order follows the kind's list. */
export function narrowOperations(kindOperations: readonly OperationType[], config: ProviderConfig): OperationType[] {
  const allowed = config.operations;
  return kindOperations.filter((operation) => allowed === undefined || allowed.includes(operation));
}
