/**
 * Order statistics of `values[0..n)` in O(n) with Hoare's quickselect. Reorders `values` in place.
 */

/** Puts the k-th smallest of `values[lo..hi]` at index k, smaller ones before it and larger after. */
export function selectInPlace(values: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    // Median of three keeps sorted and reverse-sorted inputs linear.
    const middle = (left + right) >> 1;
    if (values[middle]! < values[left]!) swap(values, middle, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[middle]!) swap(values, right, middle);
    const pivot = values[middle]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a]!;
  values[a] = values[b]!;
  values[b] = held;
}

/**
 * The q-quantile of `values[0..n)` with linear interpolation between order statistics (the usual
 * "type 7" definition: position q·(n−1)). Leaves the ⌊q·(n−1)⌋+2 smallest values in `values[0..k+1]`,
 * so a smaller quantile can be asked next with `upper = min(n − 1, k + 1)`.
 */
export function quantileInPlace(values: Float64Array, n: number, q: number, upper = n - 1): number {
  const position = q * (n - 1);
  const k = Math.floor(position);
  selectInPlace(values, 0, upper, k);
  const low = values[k]!;
  const fraction = position - k;
  if (k + 1 > upper) return low;
  let at = k + 1;
  for (let index = k + 2; index <= upper; index++) if (values[index]! < values[at]!) at = index;
  swap(values, k + 1, at);
  return low + fraction * (values[k + 1]! - low);
}
