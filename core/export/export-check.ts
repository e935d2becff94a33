import {
  DEFAULT_USER_CONTENT_PREFERENCES,
  DEFAULT_WORLD_MAX_RATING,
  GenError,
  type ProjectDocument,
  type UserContentPreferences,
} from '../domain';
import { type AssetFileStatus, checkGraphProblems, validateGenerationNode } from '../validation';

// project-format.md §6 (refusal): an enabled node with validator errors, or any graph problem of severity E,
// blocks the export. Nodes are validated as in the Problems panel and at creation: world settings, user
// preferences, the prompt catalog and the configured provider ids.

export type ExportProblem = {
  nodeId: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  path: string | null;
};

export type ExportCheckOptions = {
  /** Configured provider ids (V53); absent skips the check. */
  providers?: readonly string[];
  /** The user's content preferences; the defaults of domain.md §6 when absent. */
  user?: UserContentPreferences;
  /** G06 input, from checkAssetFiles. */
  assetStatus?: Readonly<Record<string, AssetFileStatus>>;
};

export type ExportCheckResult = {
  ok: boolean;
  /** Every blocking problem, then the warnings, so the studio can show them all. */
  problems: ExportProblem[];
  blocking: ExportProblem[];
  exportedNodeIds: string[];
  skippedNodes: string[];
};

export function isNodeEnabled(config: unknown): boolean {
  return typeof config === 'object' && config !== null && (config as { enabled?: unknown }).enabled === true;
}

export function collectExportProblems(document: ProjectDocument, options: ExportCheckOptions = {}): ExportCheckResult {
  const world = { ...document.world.settings, maxContentRating: document.world.settings.maxContentRating ?? DEFAULT_WORLD_MAX_RATING };
  const user = { ...DEFAULT_USER_CONTENT_PREFERENCES, ...(options.user ?? {}) };
  const blocking: ExportProblem[] = [];
  const warnings: ExportProblem[] = [];
  const exportedNodeIds: string[] = [];
  const skippedNodes: string[] = [];
  for (const node of document.generationNodes) {
    if (!isNodeEnabled(node.config)) {
      skippedNodes.push(node.id);
      continue;
    }
    exportedNodeIds.push(node.id);
    const result = validateGenerationNode(node.config, {
      world,
      user,
      prompts: document.prompts,
      ...(options.providers === undefined ? {} : { providers: options.providers }),
    });
    for (const issue of result.errors) blocking.push({ nodeId: node.id, rule: issue.rule, severity: 'error', message: issue.message, path: issue.path ?? null });
    for (const issue of result.warnings) warnings.push({ nodeId: node.id, rule: issue.rule, severity: 'warning', message: issue.message, path: issue.path ?? null });
  }
  const graph = checkGraphProblems(document, options.assetStatus === undefined ? {} : { assetStatus: options.assetStatus });
  for (const problem of graph) {
    const entry: ExportProblem = { nodeId: problem.nodeId, rule: problem.rule, severity: problem.severity, message: problem.message, path: problem.path };
    (problem.severity === 'error' ? blocking : warnings).push(entry);
  }
  return { ok: blocking.length === 0, problems: [...blocking, ...warnings], blocking, exportedNodeIds, skippedNodes };
}

/** GEN_EXPORT_BLOCKED with the errors.md message: node errors first, else the graph's. */
export function exportBlockedError(document: ProjectDocument, blocking: readonly ExportProblem[]): GenError {
  const nodeIds = new Set(document.generationNodes.map((node) => node.id));
  const failingNodes = [...new Set(blocking.filter((p) => p.rule.startsWith('V') && p.nodeId !== null && nodeIds.has(p.nodeId)).map((p) => p.nodeId!))];
  const message =
    failingNodes.length > 0
      ? `Export refused: ${failingNodes.length} enabled generation node(s) have errors (${failingNodes.slice(0, 5).join(', ')}).`
      : `Export refused: the graph has ${blocking.length} error(s).`;
  return new GenError('GEN_EXPORT_BLOCKED', message, { problems: blocking.map((p) => ({ ...p })) });
}
