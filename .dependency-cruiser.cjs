// STYLE.md §1: dependencies point inward. CI fails on any hit (npm run lint:deps).
const PURE = '^core/(domain|validation|social|prompts)/';
const NODE_AREAS = '^core/(engine|storage|cache|providers|telemetry|host|cli|project|export)/';

module.exports = {
  forbidden: [
    {
      name: 'pure-stays-pure',
      severity: 'error',
      from: { path: PURE },
      to: { path: [NODE_AREAS, '^core/rpc/', 'node_modules/(better-sqlite3|keyv|ws)'] },
    },
    { name: 'pure-has-no-node-builtins', severity: 'error', from: { path: PURE }, to: { dependencyTypes: ['core'] } },
    {
      name: 'renderer-talks-rpc',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^core/index\\.ts$', NODE_AREAS, '^core/rpc/(dispatch|ws-)'] },
    },
    { name: 'renderer-has-no-node-builtins', severity: 'error', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
    {
      name: 'core-is-headless',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: 'node_modules/(electron|react|react-dom|@xyflow|zustand)/' },
    },
    {
      name: 'rpc-contract-is-pure',
      severity: 'error',
      from: { path: '^core/rpc/(contract|client|envelope)' },
      to: { path: [NODE_AREAS, 'node_modules/(better-sqlite3|keyv|ws)'], dependencyTypes: ['local', 'npm'] },
    },
    { name: 'preload-imports-only-electron', severity: 'error', from: { path: '^electron/preload/' }, to: { path: '^(core|renderer)/', pathNot: '^core/rpc/method-names\\.ts$' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
