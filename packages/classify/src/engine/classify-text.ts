import { InvalidRequestError } from '@switchyard/core';
import { normalizeText } from '../normalize/normalize-text';
import type { ResolvedOptions } from '../options/classifier-options';
import { recognizeAddresses } from '../recognizers/recognize-addresses';
import { recognizeCredentials } from '../recognizers/recognize-credentials';
import { recognizeCustom } from '../recognizers/recognize-custom';
import { recognizeDates } from '../recognizers/recognize-dates';
import { recognizeDigits } from '../recognizers/recognize-digits';
import { recognizeEmails } from '../recognizers/recognize-emails';
import { recognizeIdTokens } from '../recognizers/recognize-id-tokens';
import { recognizeNames } from '../recognizers/recognize-names';
import { recognizeSpelledDigits } from '../recognizers/recognize-spelled-digits';
import { applyRules } from '../resolve/apply-rules';
import { createScanScratch, scanText } from '../scan/scan-text';
import type { ClassificationResult } from '../types';
import { Analysis, type AnalysisPool, createAnalysisPool, releaseAnalysisPool } from './analysis';
import type { CompiledDictionary } from './build-dictionary';
import { type FinalizeSettings, finalize } from './finalize';

/** Diagnostics for tests and benchmarks. */
export interface ClassifyStats {
  /** Characters scanned. */
  scanned: number;
  /** Keyword hits, digit groups and tokens the scan produced. */
  hits: number;
  /** Recognizer steps (bounded per candidate): grows linearly with input. */
  work: number;
  candidates: number;
}

/** Runs the whole pipeline on one string. */
export function classifyText(
  input: unknown,
  compiled: CompiledDictionary,
  options: ResolvedOptions,
  settings: FinalizeSettings,
  field = 'text',
  stats?: ClassifyStats,
): ClassificationResult {
  if (typeof input !== 'string') {
    throw new InvalidRequestError({
      message: `classify: ${field} must be a string (got ${input === null ? 'null' : typeof input})`,
      field,
    });
  }
  let text = input;
  let truncated = false;
  if (text.length > options.maxInputLength) {
    if (options.oversize === 'error') {
      throw new InvalidRequestError({
        message: `classify: ${field} is ${text.length} characters, over maxInputLength (${options.maxInputLength})`,
        field,
      });
    }
    text = text.slice(0, options.maxInputLength);
    truncated = true;
  }
  const normalized = normalizeText(text);
  // Reuse the scan buffers unless a classification is already running (re-entrant call from a validator).
  const reentrant = compiled.scratch.busy;
  const scratch = reentrant ? createScanScratch(compiled.automaton) : compiled.scratch;
  const pool = reentrant ? createAnalysisPool() : compiled.pool;
  scratch.busy = true;
  try {
    return run(truncated, normalized, scratch, pool, compiled, options, settings, stats);
  } finally {
    releaseAnalysisPool(pool);
    scratch.busy = false;
  }
}

function run(
  truncated: boolean,
  normalized: ReturnType<typeof normalizeText>,
  scratch: ReturnType<typeof createScanScratch>,
  pool: AnalysisPool,
  compiled: CompiledDictionary,
  options: ResolvedOptions,
  settings: FinalizeSettings,
  stats: ClassifyStats | undefined,
): ClassificationResult {
  const scan = scanText(normalized.text, compiled.automaton, scratch);
  const analysis = new Analysis(normalized, scan, compiled.entries, pool);
  recognizeSpelledDigits(analysis);
  recognizeDigits(analysis);
  recognizeIdTokens(analysis);
  recognizeCredentials(analysis);
  recognizeEmails(analysis);
  recognizeDates(analysis);
  recognizeAddresses(analysis);
  recognizeNames(analysis);
  if (options.recognizers.length > 0) recognizeCustom(analysis, options.recognizers);
  applyRules(analysis);
  const { findings, labels, dataClass } = finalize(analysis.candidates, normalized, settings);
  if (stats) {
    stats.scanned = normalized.text.length;
    stats.hits = scan.hits.length / 3 + scan.groups.length / 2 + scan.tokens.length / 2;
    stats.work = analysis.work;
    stats.candidates = analysis.candidates.length;
  }
  const capped = analysis.capped ? { findingsCapped: true } : {};
  // Fail closed on truncation: the unscanned tail may hold anything.
  if (truncated) return { labels, dataClass: 'regulated', findings, truncated, ...capped };
  return { labels, dataClass, findings, truncated, ...capped };
}
