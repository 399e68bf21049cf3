/**
 * The few statistics the survey report needs, without a dependency: the Wilson score
 * interval for a share and a two-proportion z-test against the panel baseline.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * Complementary error function, with an absolute error below 1e-14 (far inside the 1e-7 we need).
 * Below 3 a series with only positive terms (no cancellation); from 3 a continued fraction,
 * which converges fast there and keeps the tiny tail values precise.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x >= 3) {
    // erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))), evaluated from the tail.
    let fraction = x;
    for (let k = 80; k >= 1; k -= 1) fraction = x + k / 2 / fraction;
    return Math.exp(-x * x) / (SQRT_PI * fraction);
  }
  // erf(x) = 2/√π · exp(-x²) · Σ 2ⁿ x^(2n+1) / (1·3·5·…·(2n+1))
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > sum * 1e-17; n += 1) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/** Error function. */
export function erf(x: number): number {
  return 1 - erfc(x);
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Wilson score interval for `successes` out of `n` (95% with the default z). Unlike the
 * textbook p ± z·se it stays inside 0..1 and behaves for shares near 0 or 1 and small n.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): [number, number] {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError('n must be a whole number above 0');
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError('successes must be a whole number from 0 to n');
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp only the rounding noise at the edges (0/n and n/n).
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}

export interface TwoProportionTest {
  z: number;
  /** Two-sided. */
  pValue: number;
  /** pValue below 0.05. */
  significant: boolean;
}

/**
 * Two-sided z-test that share `p1` of `n1` answers differs from share `p2` of `n2`,
 * with the pooled standard error (the usual test of "no difference").
 */
export function twoProportionZTest(p1: number, n1: number, p2: number, n2: number): TwoProportionTest {
  for (const p of [p1, p2]) if (!(p >= 0 && p <= 1)) throw new RangeError('shares must lie in 0..1');
  for (const n of [n1, n2]) if (!(n > 0) || !Number.isFinite(n)) throw new RangeError('sample sizes must be above 0');
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both samples all-yes or all-no: no spread, no evidence of a difference.
  if (standardError === 0) return { z: 0, pValue: 1, significant: false };
  const z = (p1 - p2) / standardError;
  const pValue = erfc(Math.abs(z) / Math.SQRT2);
  return { z, pValue, significant: pValue < 0.05 };
}
