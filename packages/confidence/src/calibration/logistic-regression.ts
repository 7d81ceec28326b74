import { sigmoid } from './logistic-map';

/** A fitted logistic regression on raw (already standardized) features. */
export interface LogisticFit {
  weights: number[];
  intercept: number;
  iterations: number;
  converged: boolean;
}

/**
 * Fits P(y = 1 | x) = σ(b + w·x) by Newton's method (iteratively reweighted least squares) with an L2
 * penalty `l2` on the weights (not the intercept), which keeps the fit finite on separable data.
 * `rows` are feature vectors of equal length; `labels` are 0 or 1.
 */
export function fitLogisticRegression(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: { l2?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const size = d + 1; // index 0 is the intercept
  const beta = new Array<number>(size).fill(0);
  const positives = labels.reduce((sum, label) => sum + label, 0);
  // Start at the base rate so the first step is already sensible.
  const rate = Math.min(Math.max(positives / Math.max(n, 1), 1e-6), 1 - 1e-6);
  beta[0] = Math.log(rate / (1 - rate));
  let iterations = 0;
  let converged = false;
  let current = objective(rows, labels, beta, l2);
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const p = sigmoid(linear(beta, row));
      const residual = labels[i]! - p;
      const weight = Math.max(p * (1 - p), 1e-12);
      gradient[0]! += residual;
      hessian[0]![0]! += weight;
      for (let j = 0; j < d; j++) {
        const xj = row[j]!;
        gradient[j + 1]! += residual * xj;
        hessian[j + 1]![0]! += weight * xj;
        for (let k = 0; k <= j; k++) hessian[j + 1]![k + 1]! += weight * xj * row[k]!;
      }
    }
    for (let j = 1; j < size; j++) {
      gradient[j]! -= l2 * beta[j]!;
      hessian[j]![j]! += l2;
    }
    // Only the lower triangle was summed: mirror it.
    for (let j = 0; j < size; j++) for (let k = j + 1; k < size; k++) hessian[j]![k] = hessian[k]![j]!;
    const step = solve(hessian, gradient);
    // Newton's step, halved until the penalized log-likelihood improves (it always can near the optimum).
    let scale = 1;
    let next = beta.map((value, index) => value + step[index]!);
    let value = objective(rows, labels, next, l2);
    while (value < current - 1e-12 && scale > 1e-6) {
      scale /= 2;
      next = beta.map((entry, index) => entry + scale * step[index]!);
      value = objective(rows, labels, next, l2);
    }
    let change = 0;
    for (let j = 0; j < size; j++) change = Math.max(change, Math.abs(next[j]! - beta[j]!));
    for (let j = 0; j < size; j++) beta[j] = next[j]!;
    current = value;
    if (change < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { intercept: beta[0]!, weights: beta.slice(1), iterations, converged };
}

function linear(beta: readonly number[], row: readonly number[]): number {
  let z = beta[0]!;
  for (let j = 0; j < row.length; j++) z += beta[j + 1]! * row[j]!;
  return z;
}

/** Penalized log-likelihood: Σ log P(label) − l2/2 · |w|². */
function objective(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  beta: readonly number[],
  l2: number,
): number {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const z = linear(beta, rows[i]!);
    // log σ(z) = −log(1 + e^−z), computed stably.
    const logPositive = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    total += labels[i]! === 1 ? logPositive : logPositive - z;
  }
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += beta[j]! * beta[j]!;
  return total - (l2 / 2) * penalty;
}

/** Solves A·x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    }
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const lead = a[column]![column]!;
    if (Math.abs(lead) < 1e-300) continue;
    for (let row = column + 1; row < size; row++) {
      const factor = a[row]![column]! / lead;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row]![size]!;
    for (let k = row + 1; k < size; k++) sum -= a[row]![k]! * x[k]!;
    const lead = a[row]![row]!;
    x[row] = Math.abs(lead) < 1e-300 ? 0 : sum / lead;
  }
  return x;
}
