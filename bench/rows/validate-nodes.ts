import type * as DomainArea from '../../core/domain';
import type * as ValidationArea from '../../core/validation';
import type { MeasureSpec, Mode, RowModule } from '../lib/row-types';
import { SkipRow } from '../lib/row-types';
import { readSampleDocument, variedConfigs } from '../lib/sample-project';
import { alternate, nowMs } from '../lib/stats';

// Row 5 (PERF-4): the validator over N generation-node configs with the options the studio passes (world
// settings, user preferences, prompt catalog, provider ids), versus the same configs through
// GenerationNodeConfigSchema.parse alone — the shape check every validator must at least do.

type Options = { world: unknown; user: unknown; prompts: unknown; providers: readonly string[] };
type Shared = {
  validate: (config: unknown, options: Options) => { errors: unknown[] };
  parse: (config: unknown) => unknown;
  configs: unknown[];
  options: Options;
};

const COUNT = { quick: 2_000, full: 10_000 };

function measures(mode: Mode): MeasureSpec[] {
  return [{ name: `validate ${COUNT[mode] / 1000}k generation nodes`, unit: 'ms', bound: 'cpu', target: { kind: 'max', ratio: 3 } }];
}

function timeAll(configs: readonly unknown[], fn: (config: unknown) => unknown): number {
  const start = nowMs();
  for (const config of configs) fn(config);
  return nowMs() - start;
}

export const row: RowModule<Shared> = {
  id: 'validate-nodes',
  title: 'validate generation nodes',
  measures,

  async prepare(ctx) {
    let validation: typeof ValidationArea;
    let domain: typeof DomainArea;
    try {
      [validation, domain] = await Promise.all([import('../../core/validation'), import('../../core/domain')]);
    } catch (thrown) {
      throw new SkipRow(`validator not ready (${thrown instanceof Error ? thrown.message : String(thrown)})`);
    }
    const doc = readSampleDocument();
    const configs = variedConfigs(doc, COUNT[ctx.mode]);
    const options: Options = {
      world: doc.world.settings,
      user: domain.DEFAULT_USER_CONTENT_PREFERENCES,
      prompts: doc.prompts,
      providers: ['local-preview'],
    };
    const validate = validation.validateGenerationNode as unknown as Shared['validate'];
    const parse = (config: unknown) => domain.GenerationNodeConfigSchema.parse(config);
    // The floor must be the same work on valid input: every config parses, and the validator agrees.
    for (const config of configs) parse(config);
    const withErrors = configs.filter((c) => validate(c, options).errors.length > 0).length;
    if (withErrors > 0) ctx.log(`${withErrors} of ${configs.length} configs have validation errors`);
    return { validate, parse, configs, options };
  },

  async rep(ctx, s, index) {
    const [floor, figure] = await alternate(
      index,
      () => timeAll(s.configs, s.parse),
      () => timeAll(s.configs, (c) => s.validate(c, s.options)),
    );
    return { [measures(ctx.mode)[0]!.name]: { figure, floor } };
  },
};
