import { describe, expect, it } from 'vitest';
import { copyAsJson, sameJsonValue, unchangedAsJson } from '../../../stores/embedded/jsonValueCopy.js';

const throughText = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

class Slot {
  constructor(
    readonly start: string,
    readonly counter: number,
  ) {}
  describe(): string {
    return `${this.start}@${this.counter}`;
  }
}

describe('copyAsJson', () => {
  it.each([
    ['a bot-state item', { dialogState: { dialogStack: [{ id: 'main', state: { stepIndex: 0, values: {} } }] }, eTag: 'x' }],
    ['numbers JSON cannot hold', { nan: Number.NaN, infinite: -Infinity, zero: -0, list: [Number.NaN, 1.5] }],
    [
      'undefined, functions and symbols',
      { gone: undefined, fn: () => 1, sym: Symbol('s'), list: [undefined, () => 1, Symbol('s'), 'kept'] },
    ],
    ['dates and objects with toJSON', { when: new Date('2026-03-02T09:00:00.000Z'), own: { toJSON: () => 'custom' }, list: [new Date(0)] }],
    [
      'class instances, maps and boxed primitives',
      { slot: new Slot('2026-03-02T09:00', 2), map: new Map([[1, 2]]), text: new String('boxed') },
    ],
    // eslint-disable-next-line no-sparse-arrays -- the hole is what this case copies
    ['sparse arrays and a null prototype', { sparse: [1, , 3], bare: Object.assign(Object.create(null) as object, { a: 1 }) }],
    ['integer-like keys and insertion order', { b: 1, 2: 'two', a: 2, 1: 'one' }],
    [
      'a shared (not circular) object',
      (() => {
        const shared = { n: 1 };
        return { left: shared, right: shared };
      })(),
    ],
    ['a top-level array', [1, 'two', null, { three: 3 }]],
    ['a top-level date', new Date('2026-01-01T00:00:00.000Z')],
  ])('gives what JSON.parse(JSON.stringify(...)) gives for %s', (_label, value) => {
    const copy = copyAsJson(value);
    expect(copy).toEqual(throughText(value));
    expect(JSON.stringify(copy, null, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('turns -0 into 0, as a restart would read it', () => {
    expect(Object.is((copyAsJson({ zero: -0 }) as { zero: number }).zero, 0)).toBe(true);
  });

  it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
    const parsed = JSON.parse('{"__proto__": {"step": 1}, "constructor": {"step": 2}}') as Record<string, unknown>;
    const copy = copyAsJson(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ step: 1 });
  });

  it('shares no object with the original', () => {
    const original = { items: { a: { stack: ['start'] } }, list: [{ n: 1 }] };
    const copy = copyAsJson(original) as typeof original;
    copy.items.a.stack.push('changed');
    copy.list[0]!.n = 2;
    expect(original).toEqual({ items: { a: { stack: ['start'] } }, list: [{ n: 1 }] });
  });

  it('returns undefined where JSON.stringify gives no text', () => {
    expect(copyAsJson(undefined)).toBeUndefined();
    expect(copyAsJson(() => 1)).toBeUndefined();
  });

  it('throws a TypeError where JSON.stringify throws: a BigInt, a circular reference', () => {
    expect(() => copyAsJson({ nested: { big: 10n } })).toThrow(TypeError);
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = { back: circular };
    expect(() => copyAsJson(circular)).toThrow(TypeError);
    expect(() => copyAsJson(circular)).toThrow(/circular/i);
  });
});

describe('sameJsonValue', () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ['equal objects, keys in another order', { a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    ['a nested difference', { a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] }, false],
    ['a missing key', { a: 1, b: null }, { a: 1, c: null }, false],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['an array against an object', [1], { 0: 1 }, false],
    ['arrays of other lengths', [1, 2], [1, 2, 3], false],
    ['null against an object', null, {}, false],
    ['equal strings', 'ja', 'ja', true],
    ['a number against its text', 1, '1', false],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(sameJsonValue(a, b)).toBe(expected);
    expect(sameJsonValue(b, a)).toBe(expected);
  });
});

describe('unchangedAsJson', () => {
  const saved = { a: 1, list: [1, null, { c: 'x' }], eTag: 'one' };
  const cases: Array<[string, unknown, boolean]> = [
    ['the same data, keys in another order', { list: [1, null, { c: 'x' }], a: 1, eTag: 'one' }, true],
    ['another value of the ignored key', { a: 1, list: [1, null, { c: 'x' }], eTag: '*' }, true],
    ['the ignored key gone', { a: 1, list: [1, null, { c: 'x' }] }, true],
    ['a key set to undefined, which JSON leaves out', { a: 1, list: [1, null, { c: 'x' }], gone: undefined }, true],
    ['undefined and NaN in a list, which JSON writes as null', { a: 1, list: [1, undefined, { c: 'x' }] }, true],
    ['a nested difference', { a: 1, list: [1, null, { c: 'y' }] }, false],
    ['a key added', { a: 1, list: [1, null, { c: 'x' }], b: 2 }, false],
    ['a key removed', { list: [1, null, { c: 'x' }] }, false],
    ['an item added to a list', { a: 1, list: [1, null, { c: 'x' }, 4] }, false],
    ['a number turned into its text', { a: '1', list: [1, null, { c: 'x' }] }, false],
    ['a date where JSON would write its text', { a: new Date(0), list: [1, null, { c: 'x' }] }, false],
    ['a class instance', { a: 1, list: [1, null, new Slot('x', 1)] }, false],
  ];
  it.each(cases)('%s', (_name, live, expected) => {
    expect(unchangedAsJson(saved, live, 'eTag')).toBe(expected);
  });

  it('agrees with comparing the JSON text, eTag aside', () => {
    const live: Record<string, unknown> = { a: 1, b: [NaN, -0, 'x'], c: { d: undefined, e: true } };
    const json = copyAsJson(live);
    expect(unchangedAsJson(json, live)).toBe(true);
    expect(JSON.stringify(json)).toBe(JSON.stringify(live));
    (live.c as Record<string, unknown>).e = false;
    expect(unchangedAsJson(json, live)).toBe(false);
  });
});
