export { validateGenerationNode } from './validate-generation-node';
export { isGenerationNodeValid, getValidationStatus, getValidationSummary } from './validation-status';
export type { ValidationIssue, ValidationResult, ValidationOptions } from './types';
export {
  checkGraphProblems,
  isAssetPathInside,
  type AssetFileStatus,
  type GraphProblem,
  type GraphProblemOptions,
  type GraphProblemRule,
  type GraphProblemSeverity,
} from './graph-problems';
