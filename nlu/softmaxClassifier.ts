/**
 * A linear softmax (multinomial logistic regression) classifier over sparse hashed features,
 * trained by stochastic gradient descent in a fixed, seeded order: the same data gives the same
 * weights on every machine. The step size falling to zero over few epochs regularises it (no L2).
 */
import { seededRandom } from '../services/seededRandom.js';

/** Feature index (already hashed into `buckets`) → value. */
export type SparseFeatures = ReadonlyMap<number, number>;

export interface SoftmaxSettings {
  /** Size of the hashed feature space. */
  buckets: number;
  epochs: number;
  /** Starting step size; it falls linearly to zero over the epochs. */
  learningRate: number;
  seed: number;
}

const NEGLIGIBLE_GRADIENT = 1e-3;

export class SoftmaxClassifier {
  private constructor(
    private readonly classCount: number,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  /** Trains on examples labelled 0..classCount-1. */
  static train(
    examples: ReadonlyArray<{ features: SparseFeatures; label: number }>,
    classCount: number,
    settings: SoftmaxSettings,
  ): SoftmaxClassifier {
    const weights = new Float32Array(settings.buckets * classCount);
    const bias = new Float64Array(classCount);
    const classifier = new SoftmaxClassifier(classCount, weights, bias);
    const random = seededRandom(settings.seed);
    const order = examples.map((_, i) => i);
    const sparse = examples.map(({ features, label }) => ({ indices: [...features.keys()], values: [...features.values()], label }));
    const totalSteps = settings.epochs * examples.length;
    const probabilities = new Float64Array(classCount);
    let step = 0;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      shuffle(order, random);
      for (const index of order) {
        const { indices, values, label } = sparse[index]!;
        const rate = settings.learningRate * (1 - step / totalSteps);
        step += 1;
        classifier.scoresInto(indices, values, probabilities);
        softmaxInPlace(probabilities);
        for (let c = 0; c < classCount; c += 1) {
          const gradient = probabilities[c]! - (c === label ? 1 : 0);
          // A class the model already rules out learns nothing worth the time from this example.
          if (Math.abs(gradient) < NEGLIGIBLE_GRADIENT) continue;
          bias[c]! -= rate * gradient;
          for (let k = 0; k < indices.length; k += 1) {
            const at = indices[k]! * classCount + c;
            weights[at]! -= rate * gradient * values[k]!;
          }
        }
      }
    }
    return classifier;
  }

  /** Probability of every class, summing to 1. */
  probabilities(features: SparseFeatures): Float64Array {
    const scores = new Float64Array(this.classCount);
    this.scoresInto([...features.keys()], [...features.values()], scores);
    return softmaxInPlace(scores);
  }

  private scoresInto(indices: readonly number[], values: readonly number[], into: Float64Array): void {
    for (let c = 0; c < this.classCount; c += 1) into[c] = this.bias[c]!;
    for (let k = 0; k < indices.length; k += 1) {
      const base = indices[k]! * this.classCount;
      const value = values[k]!;
      for (let c = 0; c < this.classCount; c += 1) into[c]! += this.weights[base + c]! * value;
    }
  }
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let c = 0; c < scores.length; c += 1) {
    scores[c] = Math.exp(scores[c]! - max);
    sum += scores[c]!;
  }
  for (let c = 0; c < scores.length; c += 1) scores[c]! /= sum;
  return scores;
}

function shuffle(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}
