/**
 * A deep copy of a value exactly as `JSON.parse(JSON.stringify(value))` would give it, without the
 * text in between: group commit copies the document after every change of a batch, and going
 * through text (or structuredClone) would cost ten times as much on a bot-state document.
 * Throws where JSON.stringify throws (a BigInt, a circular reference), so a change that leaves
 * something unwritable in its draft fails on its own instead of failing the whole batch's write.
 */
export function copyAsJson(value: unknown): unknown {
  try {
    const copy = copyValue(value, '');
    return copy === OMITTED ? undefined : copy;
  } catch (error) {
    // A circular reference overflows the stack here; JSON.stringify names the problem properly.
    if (error instanceof RangeError) JSON.stringify(value);
    throw error;
  }
}

/** What JSON.stringify leaves out of an object (undefined, functions, symbols). */
const OMITTED = Symbol('omitted');

function copyValue(value: unknown, key: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN, Infinity or -0.
      if (!Number.isFinite(value)) return null;
      return value === 0 ? 0 : value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMITTED;
    case 'object':
      if (value === null) return null;
      if (typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
        if (Array.isArray(value)) return copyArray(value);
        const prototype = Object.getPrototypeOf(value) as unknown;
        if (prototype === Object.prototype || prototype === null) return copyObject(value as Record<string, unknown>);
      }
      return copyThroughText(value, key);
    default:
      // BigInt: let JSON.stringify throw its own error.
      return copyThroughText(value, key);
  }
}

function copyArray(array: readonly unknown[]): unknown[] {
  const copy = new Array<unknown>(array.length);
  for (let index = 0; index < array.length; index++) {
    const item = copyValue(array[index], String(index));
    copy[index] = item === OMITTED ? null : item;
  }
  return copy;
}

function copyObject(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const item = copyValue(object[key], key);
    if (item === OMITTED) continue;
    if (key === '__proto__') {
      // Plain assignment would set the prototype; JSON.parse makes it an ordinary own property.
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    } else {
      copy[key] = item;
    }
  }
  return copy;
}

/** Dates, class instances, boxed primitives, objects with toJSON: rare in a draft, so the exact but slower way. */
function copyThroughText(value: unknown, key: string): unknown {
  const text = JSON.stringify({ [key]: value });
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.hasOwn(parsed, key) ? parsed[key] : OMITTED;
}

/**
 * Whether two JSON values (as `copyAsJson` or `JSON.parse` give them) hold the same data, without
 * writing either out as text; stops at the first difference. Key order does not count.
 */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJsonValue(item, b[index]));
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && sameJsonValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Whether `live` would be written as JSON exactly as `json` (a `copyAsJson` result) holds it,
 * without writing either out; stops at the first difference. Key order does not count;
 * `ignoredKey` (e.g. an eTag) is left out of the comparison at the top level. Anything JSON would
 * write in a way this does not follow (dates, class instances, toJSON) counts as changed.
 */
export function unchangedAsJson(json: unknown, live: unknown, ignoredKey?: string): boolean {
  switch (typeof live) {
    case 'string':
    case 'boolean':
      return json === live;
    case 'number':
      return Number.isFinite(live) ? json === live : json === null;
    case 'object':
      break;
    default:
      return false; // undefined, functions and symbols are handled where they sit: in objects and lists.
  }
  if (live === null) return json === null;
  if (typeof json !== 'object' || json === null) return false;
  if (Array.isArray(live)) {
    if (!Array.isArray(json) || json.length !== live.length) return false;
    for (let index = 0; index < live.length; index++) {
      const item: unknown = live[index];
      if (isOmittedByJson(item) ? json[index] !== null : !unchangedAsJson(json[index], item)) return false;
    }
    return true;
  }
  const prototype = Object.getPrototypeOf(live) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || Array.isArray(json)) return false;
  const liveObject = live as Record<string, unknown>;
  const jsonObject = json as Record<string, unknown>;
  let written = 0;
  for (const key of Object.keys(liveObject)) {
    if (key === ignoredKey) continue;
    const value = liveObject[key];
    if (isOmittedByJson(value)) continue;
    if (!Object.hasOwn(jsonObject, key) || !unchangedAsJson(jsonObject[key], value)) return false;
    written += 1;
  }
  let held = 0;
  for (const key of Object.keys(jsonObject)) if (key !== ignoredKey) held += 1;
  return written === held;
}

function isOmittedByJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
