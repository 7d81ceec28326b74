import type { DataClass } from '@switchyard/core';
import { dataClassRank } from '@switchyard/core';
import { type NormalizedText, toOriginalSpan } from '../normalize/normalize-text';
import { type Candidate, type Finding, LABELS, type Label } from '../types';

/** Types that also make a text `pii` (an SSN identifies a person as well as being financial). */
const IMPLIED_LABELS: Readonly<Record<string, Label[]>> = {
  us_ssn: ['pii'],
  us_itin: ['pii'],
  us_ssn_last4: ['pii'],
};

function byStartThenScore(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.score - a.score;
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
  const kept = candidates
    .filter(
      (candidate) =>
        !settings.disabledTypes.has(candidate.type) &&
        candidate.score >= (settings.labelThresholds[candidate.label] ?? settings.threshold),
    )
    .sort(byStartThenScore);
  const findings: Finding[] = [];
  const lastByType = new Map<string, Finding>();
  for (const candidate of kept) {
    const [start, end] = toOriginalSpan(normalized, candidate.start, candidate.end);
    // Built-in types have one label each; custom types are keyed by their own type name too.
    const previous = lastByType.get(candidate.type);
    if (previous && start < previous.end) {
      if (candidate.score > previous.score) previous.score = candidate.score;
      if (end > previous.end) previous.end = end;
      continue;
    }
    const finding: Finding = {
      type: candidate.type,
      label: candidate.label,
      start,
      end,
      score: Math.round(candidate.score * 1000) / 1000,
      reasons: candidate.reasons,
    };
    findings.push(finding);
    lastByType.set(candidate.type, finding);
  }
  return { findings, ...labelsOf(findings, settings.mapping) };
}

/** Labels (in `LABELS` order, with implied ones) and the highest mapped data class of a set of findings. */
export function labelsOf(
  findings: readonly Finding[],
  mapping: Record<Label, DataClass>,
): { labels: Label[]; dataClass: DataClass | undefined } {
  const present = new Set<Label>();
  for (const finding of findings) {
    present.add(finding.label);
    for (const implied of IMPLIED_LABELS[finding.type] ?? []) present.add(implied);
  }
  const labels = LABELS.filter((label) => present.has(label));
  let dataClass: DataClass | undefined;
  for (const label of labels) {
    const mapped = mapping[label];
    if (dataClass === undefined || dataClassRank(mapped) > dataClassRank(dataClass)) dataClass = mapped;
  }
  return { labels, dataClass };
}
