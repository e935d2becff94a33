import path from 'node:path';
import { DEFAULT_USER_CONTENT_PREFERENCES, DEFAULT_WORLD_MAX_RATING } from '../../domain';
import { checkAssetFiles, readProjectFile } from '../../project';
import { checkGraphProblems, getValidationSummary, validateGenerationNode, type ValidationResult } from '../../validation';
import { UsageError, EXIT } from '../exit-codes';
import type { Command } from '../command';
import { configuredProviderIds, userPreferences } from '../data-dir-files';

// project-format.md §7: `validate <project> [--strict]` — the validator on every node and the graph problems,
// one line each, then a summary.

type Finding = { severity: 'error' | 'warning' | 'suggestion'; rule: string; nodeId: string | null; path: string | null; message: string };

export const validateCommand: Command = {
  name: 'validate',
  usage: 'genweave validate <project> [--strict]',
  summary: 'Check every node and the graph; --strict makes warnings fail.',
  options: { strict: 'boolean' },
  async run({ positionals, options, dataDir }) {
    if (positionals.length !== 1) throw new UsageError('validate needs exactly one <project> path.');
    const loaded = await readProjectFile(path.resolve(positionals[0]!));
    const { document } = loaded;
    const world = { ...document.world.settings, maxContentRating: document.world.settings.maxContentRating ?? DEFAULT_WORLD_MAX_RATING };
    const user = { ...DEFAULT_USER_CONTENT_PREFERENCES, ...((await userPreferences(dataDir)) ?? {}) };
    const providers = await configuredProviderIds(dataDir);
    const findings: Finding[] = [];
    const totals: ValidationResult = { errors: [], warnings: [], suggestions: [] };
    for (const node of document.generationNodes) {
      const result = validateGenerationNode(node.config, { world, user, prompts: document.prompts, providers });
      for (const [severity, list] of [['error', result.errors], ['warning', result.warnings], ['suggestion', result.suggestions]] as const) {
        for (const issue of list) findings.push({ severity, rule: issue.rule, nodeId: node.id, path: issue.path ?? null, message: issue.message });
      }
      totals.errors.push(...result.errors);
      totals.warnings.push(...result.warnings);
      totals.suggestions.push(...result.suggestions);
    }
    const assetStatus = await checkAssetFiles(path.dirname(loaded.path), document.assets);
    for (const problem of checkGraphProblems(document, { assetStatus })) {
      findings.push({ severity: problem.severity, rule: problem.rule, nodeId: problem.nodeId, path: problem.path, message: problem.message });
      const issue = { rule: problem.rule, message: problem.message, path: problem.path };
      (problem.severity === 'error' ? totals.errors : totals.warnings).push(issue);
    }
    const failed = totals.errors.length > 0 || (options.strict === true && totals.warnings.length > 0);
    const summary = getValidationSummary(totals);
    return {
      exitCode: failed ? EXIT.domain : EXIT.ok,
      lines: [
        ...findings.map((f) => `${f.severity} ${f.rule} ${f.nodeId ?? '-'} ${f.path ?? '-'}: ${f.message}`),
        `${summary} (${document.generationNodes.length} nodes, ${document.scenes.length} scenes)`,
      ],
      json: {
        project: loaded.path,
        findings,
        summary: { errors: totals.errors.length, warnings: totals.warnings.length, suggestions: totals.suggestions.length, text: summary },
      },
    };
  },
};
