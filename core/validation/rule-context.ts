import type { IssueSink } from './issue-sink';
import type { NodeViewBuild } from './node-view';
import type { OptionsView } from './options-view';

/** What every rule group receives: the view of the config, the options, and where to put issues. */
export interface RuleContext {
  readonly build: NodeViewBuild;
  readonly options: OptionsView;
  readonly sink: IssueSink;
}
