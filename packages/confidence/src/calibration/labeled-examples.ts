import { InvalidRequestError, type TokenLogprob } from '@switchyard/core';
import { z } from 'zod';
import { fromOpenAILogprobs } from '../logprobs/from-openai-logprobs';
import { parseData } from '../validation/invalid-input';

/** One labeled answer: its token logprobs and whether it was acceptable. */
export interface LabeledExample {
  id?: string;
  logprobs: TokenLogprob[];
  /** Was the local answer acceptable (correct)? */
  acceptable: boolean;
  /** Was the cloud model's answer to the same request acceptable? Optional; used for system quality. */
  cloudAcceptable?: boolean;
}

// JSON turns -Infinity into null: read it back as probability 0.
const logprob = z
  .number()
  .max(0, 'must be <= 0')
  .nullable()
  .transform((value) => value ?? Number.NEGATIVE_INFINITY);
const coreToken = z.object({
  token: z.string(),
  logprob,
  topLogprobs: z.array(z.object({ token: z.string(), logprob })),
});

const LABEL_FIELDS = ['acceptable', 'correct', 'weak_correct'] as const;
const CLOUD_FIELDS = ['cloudAcceptable', 'cloud_correct', 'strong_correct'] as const;

/**
 * Parses a labeled JSONL file: one JSON object a line with `logprobs` (core's `TokenLogprob[]`, as in
 * audit records written with `includeLogprobs`, or OpenAI's `{ content: [...] }`) and a boolean label
 * `acceptable` (or `correct` / `weak_correct`); optionally `cloudAcceptable` (or `cloud_correct` /
 * `strong_correct`) and `id`. Blank lines are ignored; lines without logprobs (answers from providers
 * that give none) are counted in `skipped`. Bad lines throw `InvalidRequestError` naming line and field.
 */
export function parseLabeledJsonl(text: string): { examples: LabeledExample[]; skipped: number } {
  const examples: LabeledExample[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const root = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InvalidRequestError({
        message: `${root}: not valid JSON (${String(error)})`,
        field: root,
        cause: error,
      });
    }
    const example = parseLabeledExample(value, root);
    if (example) examples.push(example);
    else skipped++;
  }
  return { examples, skipped };
}

/** Parses one labeled object; `undefined` when it has no logprobs. */
export function parseLabeledExample(value: unknown, root = 'example'): LabeledExample | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError({ message: `${root}: must be a JSON object`, field: root });
  }
  const record = value as Record<string, unknown>;
  const raw = record.logprobs;
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return undefined;
  const logprobs = isCoreShape(raw)
    ? (parseData(z.array(coreToken), raw, `${root}: logprobs`) as TokenLogprob[])
    : fromOpenAILogprobs(raw as never, `${root}: logprobs`);
  if (logprobs.length === 0) return undefined;
  const acceptable = readBoolean(record, LABEL_FIELDS, root, true)!;
  const cloudAcceptable = readBoolean(record, CLOUD_FIELDS, root, false);
  const example: LabeledExample = { logprobs, acceptable };
  if (cloudAcceptable !== undefined) example.cloudAcceptable = cloudAcceptable;
  if (typeof record.id === 'string') example.id = record.id;
  return example;
}

function isCoreShape(raw: unknown): boolean {
  return Array.isArray(raw) && typeof raw[0] === 'object' && raw[0] !== null && 'topLogprobs' in raw[0];
}

function readBoolean(
  record: Record<string, unknown>,
  fields: readonly string[],
  root: string,
  required: boolean,
): boolean | undefined {
  for (const field of fields) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new InvalidRequestError({
        message: `${root}: ${field} must be true or false`,
        field: `${root}.${field}`,
      });
    }
    return value;
  }
  if (required) {
    throw new InvalidRequestError({
      message: `${root}: no label: set ${fields.map((field) => `'${field}'`).join(', or ')} to true or false`,
      field: `${root}.${fields[0]}`,
    });
  }
  return undefined;
}
