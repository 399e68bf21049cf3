import type { TurnContext } from 'botbuilder';

/**
 * What `read` gives for this turn's message at the question whose options are `options`, worked out
 * at most once per turn: the open question's reading (before the interruptions) and the prompt's own
 * recognition read the same message against the same options. `kind` keeps apart what different
 * readers work out; the options object is the prompt's state (or a dialog's stack), the same object all turn long.
 */
export function readOncePerTurn<T>(context: TurnContext, kind: symbol, options: object, read: () => T): T {
  let readings = context.turnState.get(kind) as WeakMap<object, { value: T }> | undefined;
  if (!readings) {
    readings = new WeakMap();
    context.turnState.set(kind, readings);
  }
  const known = readings.get(options);
  if (known) return known.value;
  const value = read();
  readings.set(options, { value });
  return value;
}
