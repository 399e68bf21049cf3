import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, twoProportionZTest, wilsonInterval } from '../../../services/survey/statistics.js';

describe('normal distribution', () => {
  // Reference values from printed tables (Abramowitz & Stegun, table 26.1 and 7.1).
  it.each([
    [0, 0.5],
    [1, 0.8413447461],
    [1.96, 0.9750021049],
    [-1.96, 0.0249978951],
    [2, 0.9772498681],
    [3, 0.998650102],
    [-3, 0.001349898],
  ])('Φ(%s) = %s', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 7);
  });

  it('erf and erfc match tabled values, including far in the tail', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 9);
    expect(erf(1)).toBeCloseTo(0.8427007929, 9);
    expect(erfc(2)).toBeCloseTo(0.004677735, 9);
    expect(erfc(-1)).toBeCloseTo(1.8427007929, 9);
    // Tiny tail values must stay relatively precise: a p-value of 1e-8 is not 0.
    expect(erfc(4) / 1.54172579e-8).toBeCloseTo(1, 8);
    expect(erfc(6) / 2.151973671e-17).toBeCloseTo(1, 8);
  });

  it('is continuous where the series hands over to the continued fraction (x = 3)', () => {
    expect(erfc(2.999999) / erfc(3)).toBeCloseTo(1, 4);
    expect(erfc(2.999999)).toBeGreaterThan(erfc(3));
  });
});

describe('wilsonInterval', () => {
  it('23 of 100 gives [0.1584, 0.3215]', () => {
    // p = 0.23, z² = 3.8416, z²/n = 0.038416, denominator 1.038416
    // centre = (0.23 + 0.019208) / 1.038416 = 0.239989
    // half = 1.96/1.038416 · √(0.23·0.77/100 + 3.8416/40000) = 1.887490 · √0.00186704 = 0.081557
    // → [0.158432, 0.321546]
    const [low, high] = wilsonInterval(23, 100);
    expect(low).toBeCloseTo(0.158432, 6);
    expect(high).toBeCloseTo(0.321546, 6);
  });

  it('0 of 10 starts at exactly 0 and 10 of 10 ends at exactly 1', () => {
    // centre = (0 + 0.19208)/1.38416 = 0.138770; half = 1.416021 · √(0.0096040) = 0.138770
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(0.27754, 6)]);
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(0.72246, 6), 1]);
  });

  it('is narrower with a smaller z', () => {
    const [low95, high95] = wilsonInterval(30, 60);
    const [low90, high90] = wilsonInterval(30, 60, 1.645);
    expect(low90).toBeGreaterThan(low95);
    expect(high90).toBeLessThan(high95);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(2.5, 10)).toThrow(RangeError);
  });
});

describe('twoProportionZTest', () => {
  it('0.30 of 200 against 0.23 of 500 is not significant', () => {
    // pooled = (60 + 115)/700 = 0.25; se = √(0.25·0.75·(1/200 + 1/500)) = √0.0013125 = 0.0362284
    // z = 0.07/0.0362284 = 1.93218; two-sided p = 2·(1 − Φ(1.93218)) ≈ 0.05334
    const result = twoProportionZTest(0.3, 200, 0.23, 500);
    expect(result.z).toBeCloseTo(1.93218, 4);
    expect(result.pValue).toBeCloseTo(0.05334, 4);
    expect(result.significant).toBe(false);
  });

  it('0.35 of 400 against 0.23 of 500 is significant', () => {
    // pooled = (140 + 115)/900 = 0.283333; se = √(0.283333·0.716667·0.0045) = 0.0302283
    // z = 0.12/0.0302283 = 3.96979; p ≈ 7.19e-5
    const result = twoProportionZTest(0.35, 400, 0.23, 500);
    expect(result.z).toBeCloseTo(3.96979, 4);
    expect(result.pValue).toBeCloseTo(7.1936e-5, 8);
    expect(result.significant).toBe(true);
  });

  it('is symmetric: swapping the samples flips z and keeps p', () => {
    const forward = twoProportionZTest(0.3, 200, 0.23, 500);
    const backward = twoProportionZTest(0.23, 500, 0.3, 200);
    expect(backward.z).toBeCloseTo(-forward.z, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
  });

  it('equal shares, or no spread at all, give z 0 and p 1', () => {
    expect(twoProportionZTest(0.4, 100, 0.4, 300)).toEqual({ z: 0, pValue: 1, significant: false });
    expect(twoProportionZTest(0, 50, 0, 500)).toEqual({ z: 0, pValue: 1, significant: false });
  });

  it('refuses shares outside 0..1 and empty samples', () => {
    expect(() => twoProportionZTest(1.2, 10, 0.5, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(0.5, 0, 0.5, 10)).toThrow(RangeError);
  });
});
