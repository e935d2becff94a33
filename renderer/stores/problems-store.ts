import { createStore } from 'zustand/vanilla';
import type { ProjectDocument } from '../../core/domain/project-document';
import { getValidationStatus, getValidationSummary, validateGenerationNode, type ValidationResult } from '../../core/validation';
import { checkGraphProblems, type GraphProblem } from '../../core/validation/graph-problems';
import { buildValidationContext, type ValidationContext } from '../graph/validation-context';
import type { GraphStore } from './graph-store';
import type { SessionStore } from './session-store';

// studio-ui.md §9: every validator issue of every generation node plus the graph problems, recomputed
// 300 ms after the last edit and never during render. Only nodes whose config object changed are
// re-validated, unless the context (world, prompts, caps, providers) changed, which re-validates all.

export const PROBLEMS_DEBOUNCE_MS = 300;

export type ProblemSeverity = 'error' | 'warning' | 'suggestion';
export type ProblemRow = {
  key: string;
  rule: string;
  severity: ProblemSeverity;
  message: string;
  nodeId: string;
  nodeLabel: string;
  path: string | null;
};
export type NodeValidation = { status: 'ok' | 'warning' | 'error'; summary: string };

export type ProblemsState = {
  results: Record<string, ValidationResult>;
  graphProblems: GraphProblem[];
  rows: ProblemRow[];
  counts: Record<ProblemSeverity, number>;
  byNode: Record<string, NodeValidation>;
  /** Recomputes now; the subscription calls it debounced. */
  recompute(): void;
  dispose(): void;
};

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { error: 0, warning: 1, suggestion: 2 };

function labelOf(doc: ProjectDocument, id: string): string {
  const node = doc.generationNodes.find((n) => n.id === id);
  if (node) return node.label || node.id;
  const scene = doc.scenes.find((s) => s.id === id);
  return scene ? scene.title || scene.id : id;
}

export function buildProblemRows(doc: ProjectDocument, results: Record<string, ValidationResult>, graph: GraphProblem[]): ProblemRow[] {
  const labels = new Map<string, string>();
  for (const s of doc.scenes) labels.set(s.id, s.title || s.id);
  for (const n of doc.generationNodes) labels.set(n.id, n.label || n.id);
  const rows: ProblemRow[] = [];
  for (const node of doc.generationNodes) {
    const result = results[node.id];
    if (!result) continue;
    const add = (severity: ProblemSeverity, list: ValidationResult['errors']) =>
      list.forEach((issue, i) =>
        rows.push({
          key: `${node.id}:${severity}:${i}`,
          rule: issue.rule,
          severity,
          message: issue.message,
          nodeId: node.id,
          nodeLabel: labels.get(node.id) ?? node.id,
          path: issue.path ?? null,
        }),
      );
    add('error', result.errors);
    add('warning', result.warnings);
    add('suggestion', result.suggestions);
  }
  graph.forEach((p, i) =>
    rows.push({
      key: `graph:${i}`,
      rule: p.rule,
      severity: p.severity,
      message: p.message,
      nodeId: p.nodeId,
      nodeLabel: labels.get(p.nodeId) ?? labelOf(doc, p.nodeId),
      path: p.path || null,
    }),
  );
  // Stable sort: within one severity and label, rows keep rule order.
  return rows.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.nodeLabel.localeCompare(b.nodeLabel, 'en'));
}

function sameContext(a: ValidationContext | null, b: ValidationContext): boolean {
  return (
    !!a &&
    a.prompts === b.prompts &&
    JSON.stringify([a.world, a.user, a.providers]) === JSON.stringify([b.world, b.user, b.providers])
  );
}

export function createProblemsStore(graph: GraphStore, session: SessionStore) {
  let lastConfigs = new Map<string, unknown>();
  let lastContext: ValidationContext | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;

  const store = createStore<ProblemsState>()((set, get) => ({
    results: {},
    graphProblems: [],
    rows: [],
    counts: { error: 0, warning: 0, suggestion: 0 },
    byNode: {},
    recompute() {
      const doc = graph.getState().document;
      if (!doc) {
        lastConfigs = new Map();
        lastContext = null;
        set({ results: {}, graphProblems: [], rows: [], counts: { error: 0, warning: 0, suggestion: 0 }, byNode: {} });
        return;
      }
      const { settings, providers } = session.getState();
      const context = buildValidationContext(doc, settings, providers);
      const contextChanged = !sameContext(lastContext, context);
      const previous = get().results;
      const results: Record<string, ValidationResult> = {};
      const byNode: Record<string, NodeValidation> = {};
      const configs = new Map<string, unknown>();
      for (const node of doc.generationNodes) {
        configs.set(node.id, node.config);
        const cached = previous[node.id];
        const result =
          !contextChanged && cached && lastConfigs.get(node.id) === node.config ? cached : validateGenerationNode(node.config, context);
        results[node.id] = result;
        byNode[node.id] = { status: getValidationStatus(result), summary: getValidationSummary(result) };
      }
      lastConfigs = configs;
      lastContext = context;
      const graphProblems = checkGraphProblems(doc);
      const rows = buildProblemRows(doc, results, graphProblems);
      const counts = { error: 0, warning: 0, suggestion: 0 };
      for (const row of rows) counts[row.severity] += 1;
      set({ results, graphProblems, rows, counts, byNode });
    },
    dispose() {
      if (timer) clearTimeout(timer);
      if (frame !== null) cancelAnimationFrame(frame);
      unsubscribeGraph();
      unsubscribeSession();
    },
  }));

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      store.getState().recompute();
    }, PROBLEMS_DEBOUNCE_MS);
  };
  // A project just opened: the debounce starts at the canvas's first frame, so validating every node of a
  // large graph never competes with its first paint (studio-ui.md §3, §9). Without frames (tests), at once.
  const unsubscribeGraph = graph.subscribe((next, prev) => {
    if (next.document === prev.document) return;
    if (prev.document !== null || typeof requestAnimationFrame !== 'function') {
      schedule();
    } else if (frame === null) {
      frame = requestAnimationFrame(() => {
        frame = null;
        schedule();
      });
    }
  });
  const unsubscribeSession = session.subscribe((next, prev) => {
    if (next.settings !== prev.settings || next.providers !== prev.providers) schedule();
  });
  return store;
}

export type ProblemsStore = ReturnType<typeof createProblemsStore>;
