/**
 * Area under the ROC curve of `scores` for separating positives (label true) from negatives: the
 * probability that a random positive scores higher than a random negative, ties counting one half
 * (the Mann–Whitney U statistic). `NaN` when either class is empty.
 */
export function auroc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((_, index) => index).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end++;
    // Tied scores share the mean of their ranks (1-based).
    const meanRank = (start + 1 + end) / 2;
    for (let index = start; index < end; index++) {
      if (labels[order[index]!]) {
        positives++;
        rankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
