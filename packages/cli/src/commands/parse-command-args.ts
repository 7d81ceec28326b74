import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments, or a usage error message. */
export type Parsed<T extends Options> =
  | {
      ok: true;
      values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>['values'];
      positionals: string[];
    }
  | { ok: false; message: string };

/** `node:util` parseArgs in strict mode, with its errors turned into one-line usage messages. */
export function parseCommandArgs<T extends Options>(argv: readonly string[], options: T): Parsed<T> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { ok: true, values, positionals };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    return { ok: false, message: message.replace(/\. To specify a positional argument.*$/, '') };
  }
}

/** A finite number from a flag value, or an error message naming the flag. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number | string | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return `--${flag} must be a number, got '${value}'`;
  if (range.integer && !Number.isInteger(number)) return `--${flag} must be a whole number, got '${value}'`;
  if (range.min !== undefined && number < range.min)
    return `--${flag} must be at least ${range.min}, got '${value}'`;
  if (range.max !== undefined && number > range.max)
    return `--${flag} must be at most ${range.max}, got '${value}'`;
  return number;
}
