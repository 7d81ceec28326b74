import type { DataClass } from '@switchyard/core';
import { dataClassRank } from '@switchyard/core';
import type { NormalizedText } from '../normalize/normalize-text';
import { type Candidate, type Finding, LABELS, type Label } from '../types';

/** Order of findings: by start, then highest score first. */
function before(a: Candidate, b: Candidate): boolean {
  return a.start < b.start || (a.start === b.start && a.score > b.score);
}

/**
 * Stable sort by start, then score (descending): insertion sort for short runs, merged bottom-up.
 * Candidates arrive in long sorted runs (each recognizer walks the text in order), so this does
 * far fewer comparisons than a generic sort with a comparator callback.
 */
export function sortCandidates(list: Candidate[]): void {
  const length = list.length;
  const RUN = 16;
  for (let from = 0; from < length; from += RUN) {
    const to = Math.min(length, from + RUN);
    for (let index = from + 1; index < to; index++) {
      const item = list[index]!;
      let at = index - 1;
      while (at >= from && before(item, list[at]!)) {
        list[at + 1] = list[at]!;
        at--;
      }
      list[at + 1] = item;
    }
  }
  if (length <= RUN) return;
  let source = list;
  let target: Candidate[] = new Array<Candidate>(length);
  for (let width = RUN; width < length; width *= 2) {
    for (let left = 0; left < length; left += 2 * width) {
      const middle = Math.min(length, left + width);
      const right = Math.min(length, left + 2 * width);
      let i = left;
      let j = middle;
      let k = left;
      // Already in order: copy through.
      if (middle < right && !before(source[middle]!, source[middle - 1]!)) {
        while (i < right) target[k++] = source[i++]!;
        continue;
      }
      while (i < middle && j < right) {
        // Take from the right only when strictly before: equal items keep their order.
        if (before(source[j]!, source[i]!)) target[k++] = source[j++]!;
        else target[k++] = source[i++]!;
      }
      while (i < middle) target[k++] = source[i++]!;
      while (j < right) target[k++] = source[j++]!;
    }
    const swap = source;
    source = target;
    target = swap;
  }
  if (source !== list) for (let index = 0; index < length; index++) list[index] = source[index]!;
}

export interface FinalizeSettings {
  threshold: number;
  labelThresholds: Partial<Record<Label, number>>;
  mapping: Record<Label, DataClass>;
  disabledTypes: ReadonlySet<string>;
}

/**
 * Keeps candidates at or above their label's threshold, merges overlapping candidates of the same
 * type (highest score wins), maps spans back to the original text, and derives labels and the data class.
 */
export function finalize(
  candidates: readonly Candidate[],
  normalized: NormalizedText,
  settings: FinalizeSettings,
): { findings: Finding[]; labels: Label[]; dataClass: DataClass | undefined } {
  const { disabledTypes, labelThresholds, threshold } = settings;
  const checkDisabled = disabledTypes.size > 0;
  // Without per-label thresholds (the usual case) one comparison decides.
  let perLabel = false;
  for (const _label in labelThresholds) perLabel = true;
  const kept: Candidate[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    if (checkDisabled && disabledTypes.has(candidate.type)) continue;
    const minimum = perLabel ? (labelThresholds[candidate.label] ?? threshold) : threshold;
    if (candidate.score >= minimum) kept.push(candidate);
  }
  sortCandidates(kept);
  const findings: Finding[] = [];
  // The last finding of each type: a few types per text, so a short list searched linearly is
  // cheaper than a map (types are mostly the same interned strings).
  const lastTypes: string[] = [];
  const lastFindings: Finding[] = [];
  // Past a few dozen types (many custom dictionaries), a map finds the slot.
  let slots: Map<string, number> | null = null;
  const map = normalized.map;
  const normalizedLength = normalized.text.length;
  for (let index = 0; index < kept.length; index++) {
    const candidate = kept[index]!;
    let start = candidate.start;
    let end = candidate.end;
    if (map !== null) {
      // As `toOriginalSpan`, without the tuple.
      start = map[candidate.start]!;
      const originalEnd = end >= normalizedLength ? map[normalizedLength]! : map[end - 1]! + 1;
      end = Math.max(start, originalEnd);
    }
    // Built-in types have one label each; custom types are keyed by their own type name too.
    const type = candidate.type;
    let slot = 0;
    if (slots !== null) slot = slots.get(type) ?? lastTypes.length;
    else while (slot < lastTypes.length && lastTypes[slot] !== type) slot++;
    const previous = slot < lastTypes.length ? lastFindings[slot]! : undefined;
    if (previous !== undefined && start < previous.end) {
      if (candidate.score > previous.score) previous.score = candidate.score;
      if (end > previous.end) previous.end = end;
      continue;
    }
    const finding: Finding = {
      type,
      label: candidate.label,
      start,
      end,
      score: Math.round(candidate.score * 1000) / 1000,
      reasons: candidate.reasons,
    };
    findings.push(finding);
    if (slot < lastTypes.length) lastFindings[slot] = finding;
    else {
      lastTypes.push(type);
      lastFindings.push(finding);
      if (slots !== null) slots.set(type, slot);
      else if (lastTypes.length > 32) slots = new Map(lastTypes.map((name, at) => [name, at]));
    }
  }
  const { labels, dataClass } = labelsOf(findings, settings.mapping);
  return { findings, labels, dataClass };
}

/** Bit of each label (in `LABELS` order). */
const LABEL_BIT: Readonly<Record<Label, number>> = {
  phi: 1,
  npi: 2,
  privileged: 4,
  trade_secret: 8,
  credentials: 16,
  pii: 32,
};
const LABEL_ORDER: Label[] = [...LABELS];

/** Types that also make a text `pii` (an SSN identifies a person as well as being financial). */
function impliesPii(type: string): boolean {
  return type === 'us_ssn' || type === 'us_itin' || type === 'us_ssn_last4';
}

/** Labels (in `LABELS` order, with implied ones) and the highest mapped data class of a set of findings. */
export function labelsOf(
  findings: readonly Finding[],
  mapping: Record<Label, DataClass>,
): { labels: Label[]; dataClass: DataClass | undefined } {
  let mask = 0;
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index]!;
    mask |= LABEL_BIT[finding.label];
    if (impliesPii(finding.type)) mask |= LABEL_BIT.pii;
  }
  const labels: Label[] = [];
  for (let index = 0; index < LABEL_ORDER.length; index++) {
    const label = LABEL_ORDER[index]!;
    if ((mask & LABEL_BIT[label]) !== 0) labels.push(label);
  }
  let dataClass: DataClass | undefined;
  for (const label of labels) {
    const mapped = mapping[label];
    if (dataClass === undefined || dataClassRank(mapped) > dataClassRank(dataClass)) dataClass = mapped;
  }
  return { labels, dataClass };
}
