import type { DataClass } from '@switchyard/core';

/** Sensitivity labels. The first five are regulated by default. */
export type Label = 'phi' | 'npi' | 'privileged' | 'trade_secret' | 'credentials' | 'pii';

/** All labels, regulated ones first. */
export const LABELS: readonly Label[] = Object.freeze([
  'phi',
  'npi',
  'privileged',
  'trade_secret',
  'credentials',
  'pii',
]);

/** Why a finding was raised. Never contains the matched text. */
export type Reason =
  | { kind: 'pattern'; name: string }
  | { kind: 'validator'; name: string }
  | { kind: 'context'; words: string[] }
  | { kind: 'dictionary'; name: string }
  | { kind: 'combination'; with: string[] }
  | { kind: 'model'; name: string };

/**
 * One detected entity. `start`/`end` are UTF-16 offsets into the text given to `classify()`
 * (end exclusive). The matched text itself is never stored, so findings are safe to audit.
 */
export interface Finding {
  /** Entity type, e.g. `credit_card`, `us_ssn`, `email`, `privilege_banner`. */
  type: string;
  label: Label;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  reasons: Reason[];
}

/** What `classify()` returns for one text. */
export interface ClassificationResult {
  /** Labels found, in the order of `LABELS`. */
  labels: Label[];
  /** The data class the labels map to; undefined when nothing was found (the router's default applies). */
  dataClass: DataClass | undefined;
  findings: Finding[];
  /** True when the text was longer than `maxInputLength` and only its head was scanned (then `dataClass` is `regulated`). */
  truncated: boolean;
  /** Set when a type had more than 2,000 findings and the rest were not listed (labels are unaffected; `redact()` refuses such text). */
  findingsCapped?: boolean;
  /** Async recognizers that failed or ran out of time (`classifyAsync` only). */
  degraded?: string[];
}

/** A finding before spans are mapped back and scores thresholded. */
export interface Candidate {
  type: string;
  label: Label;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  score: number;
  reasons: Reason[];
}
