import type { WaterfallStepContext } from 'botbuilder-dialogs';

/**
 * What a waterfall keeps between its steps, as the dialog names it. botbuilder types `step.values`
 * as a bare `object` (options are typed through `WaterfallStepContext<O>`, values are not), so this is
 * the one place that narrows it; each dialog declares its own `V` with the fields it sets.
 */
export function stepValues<V extends object>(step: WaterfallStepContext<object>): V {
  return step.values as V;
}
