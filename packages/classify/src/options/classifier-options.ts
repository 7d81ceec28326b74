import { ConfigError, type DataClass } from '@switchyard/core';
import { z } from 'zod';
import type { Label } from '../types';

const label = z.enum(['phi', 'npi', 'privileged', 'trade_secret', 'credentials', 'pii']);
const dataClass = z.enum(['public', 'internal', 'regulated']);
const score = z.number().min(0).max(1);

const orgSchema = z
  .object({
    codenames: z.array(z.string().min(2).max(200)).max(10_000).default([]),
    clients: z.array(z.string().min(2).max(200)).max(100_000).default([]),
    internalDomains: z.array(z.string().min(3).max(253)).max(10_000).default([]),
  })
  .strict();

const recognizerSchema = z
  .object({
    type: z.string().min(1).max(64),
    label,
    pattern: z.instanceof(RegExp),
    validator: z
      .custom<(match: string) => boolean>((value) => typeof value === 'function', 'must be a function')
      .optional(),
    context: z.array(z.string().min(1)).default([]),
    score: score.default(0.6),
    contextScore: score.default(0.85),
    contextWindow: z.number().int().min(1).max(1000).default(40),
  })
  .strict();

const dictionarySchema = z
  .object({
    name: z.string().min(1).max(64),
    label,
    terms: z.array(z.string().min(1).max(200)).max(100_000),
    score: score.default(0.8),
    caseSensitive: z.boolean().default(false),
  })
  .strict();

const asyncRecognizerSchema = z
  .object({
    name: z.string().min(1).max(64),
    recognize: z.custom<AsyncRecognizer['recognize']>(
      (value) => typeof value === 'function',
      'must be a function',
    ),
  })
  .strict();

const optionsSchema = z
  .object({
    org: orgSchema.optional(),
    dataClassMapping: z.partialRecord(label, dataClass).optional(),
    threshold: score.default(0.5),
    labelThresholds: z.partialRecord(label, score).optional(),
    maxInputLength: z.number().int().min(1).max(100_000_000).default(4_000_000),
    oversize: z.enum(['truncate', 'error']).default('truncate'),
    recognizers: z.array(recognizerSchema).default([]),
    dictionaries: z.array(dictionarySchema).default([]),
    asyncRecognizers: z.array(asyncRecognizerSchema).default([]),
    asyncTimeoutMs: z.number().int().min(1).max(60_000).default(250),
    onAsyncFailure: z.enum(['regulated', 'ignore']).default('regulated'),
    disabledTypes: z.array(z.string()).default([]),
  })
  .strict();

/** A user-defined pattern recognizer. */
export interface CustomRecognizer {
  /** Entity type reported in findings (e.g. `employee_id`). */
  type: string;
  label: Label;
  /** Applied with the global flag over the normalized text. Keep it linear: no nested unbounded quantifiers. */
  pattern: RegExp;
  /** Accepts or rejects a match (e.g. a checksum). */
  validator?: (match: string) => boolean;
  /** Words that raise the score when they appear within `contextWindow` characters before the match. */
  context?: string[];
  /** Score without context. Default 0.6. */
  score?: number;
  /** Score with context. Default 0.85. */
  contextScore?: number;
  /** Default 40. */
  contextWindow?: number;
}

/** A user-defined dictionary (matched case- and punctuation-insensitively in the same single pass). */
export interface CustomDictionary {
  /** Reported as the finding type and in reasons (never the matched term). */
  name: string;
  label: Label;
  terms: string[];
  /** Default 0.8. */
  score?: number;
  /** Require the capitalization of the first letter to match. Default false. */
  caseSensitive?: boolean;
}

/** One span an asynchronous (model-backed) recognizer found. Offsets are into the text given to it. */
export interface AsyncFinding {
  type: string;
  label: Label;
  start: number;
  end: number;
  score: number;
}

/** A model-backed detector (for example a local NER model) run by `classifyAsync`, within a time budget. */
export interface AsyncRecognizer {
  name: string;
  recognize(text: string, options: { signal: AbortSignal }): Promise<AsyncFinding[]>;
}

/** Options of `createClassifier()`. Every field is optional. */
export interface ClassifierOptions {
  /** The organization's own sensitive names (shape of `shared/corpus/org.json`): each hit is `trade_secret`. */
  org?: { codenames?: string[]; clients?: string[]; internalDomains?: string[] };
  /** Label → data class. Default: the five regulated labels → `regulated`, `pii` → `internal`. */
  dataClassMapping?: Partial<Record<Label, DataClass>>;
  /** Minimum score for a finding to count. Default 0.5. */
  threshold?: number;
  /** Per-label minimum scores, overriding `threshold`. */
  labelThresholds?: Partial<Record<Label, number>>;
  /** Longest text scanned, in UTF-16 units. Default 4,000,000. */
  maxInputLength?: number;
  /** Longer text: `truncate` scans the head and reports `regulated` (default); `error` throws `InvalidRequestError`. */
  oversize?: 'truncate' | 'error';
  /** Extra pattern recognizers. */
  recognizers?: CustomRecognizer[];
  /** Extra dictionaries. */
  dictionaries?: CustomDictionary[];
  /** Model-backed recognizers, run only by `classifyAsync()` and the router hook. */
  asyncRecognizers?: AsyncRecognizer[];
  /** Time budget for all async recognizers together. Default 250 ms. */
  asyncTimeoutMs?: number;
  /** When an async recognizer fails or runs out of time: treat the text as `regulated` (default) or ignore it. */
  onAsyncFailure?: 'regulated' | 'ignore';
  /** Entity types to drop from results (e.g. `['vehicle_vin']`). */
  disabledTypes?: string[];
}

export type ResolvedOptions = z.output<typeof optionsSchema>;

/** Validates options; bad fields throw `ConfigError` naming the field. */
export function resolveOptions(input: unknown): ResolvedOptions {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new ConfigError({ message: 'createClassifier: options must be an object', field: 'options' });
  }
  const parsed = optionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['options', ...issue.path.map(String)].join('.');
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown option ${issue.keys.map((key) => `'${key}'`).join(', ')}`
        : issue.message;
    throw new ConfigError({ message: `createClassifier: ${field}: ${detail}`, field });
  }
  return parsed.data;
}
