/**
 * mulberry32: a tiny, well-mixed 32-bit generator that gives the same numbers for the same seed.
 * For synthetic demo and benchmark data and the recognizer's training order only, never for codes
 * or secrets (use node:crypto there).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
