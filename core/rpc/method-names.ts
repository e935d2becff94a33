// rpc.md §3 and §6 as plain names. The sandboxed preload bundles only this file, so it imports nothing;
// tests/reliability/rpc/contract-schema.test.ts asserts that both lists equal the keys of the contract.

export const METHOD_NAMES = [
  'app.info',
  'project.new',
  'project.open',
  'project.save',
  'project.saveAs',
  'project.recent',
  'project.autosave',
  'project.listRecoverable',
  'project.restore',
  'project.discardRecovery',
  'project.importAsset',
  'project.import',
  'project.close',
  'dialog.openProject',
  'dialog.saveProject',
  'dialog.chooseFolder',
  'dialog.chooseFile',
  'generations.create',
  'generations.get',
  'generations.list',
  'generations.cancel',
  'generations.retry',
  'generations.validate',
  'generations.events',
  'prompts.resolve',
  'prompts.usage',
  'telemetry.providers',
  'telemetry.operations',
  'telemetry.nodes',
  'telemetry.cache',
  'telemetry.errors',
  'cache.stats',
  'cache.explain',
  'cache.invalidate',
  'cache.clear',
  'providers.list',
  'providers.configure',
  'providers.test',
  'providers.setSecret',
  'providers.clearSecret',
  'export.check',
  'export.run',
  'settings.get',
  'settings.update',
] as const;

export const EVENT_NAMES = [
  'generations.onDidCreate',
  'generations.onDidReuse',
  'generations.onDidChangeStatus',
  'generations.onDidProgress',
  'generations.onDidClampRating',
  'generations.onDidFailAttempt',
  'generations.onDidApplyFallback',
  'generations.onDidResume',
  'cache.onDidWrite',
  'cache.onDidInvalidate',
  'telemetry.onDidUpdate',
  'providers.onDidChange',
  'settings.onDidChange',
  'app.onDidRequestOpen',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The single IPC channel of rpc.md §7: requests go in with invoke, events come out with send. */
export const RPC_CHANNEL = 'genweave:rpc';
