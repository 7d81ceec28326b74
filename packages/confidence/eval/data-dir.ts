import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `--name value` from argv, or undefined. */
export function argument(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/**
 * The shared data directory: `--data <dir>`, else `SWITCHYARD_DATA_DIR`, else `<repo>/../shared/data`
 * (the repository root is three levels above this file).
 */
export function dataDir(argv: readonly string[]): string {
  const chosen = argument(argv, '--data') ?? process.env.SWITCHYARD_DATA_DIR;
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const dir = chosen ? resolve(chosen) : join(repo, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(`data directory ${dir} does not exist: pass --data <dir> or set SWITCHYARD_DATA_DIR`);
  }
  return dir;
}

export function percent(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(digits)}%`;
}

export function fixed(value: number | undefined, digits = 4): string {
  return value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

/** A plain text table with left-aligned first column and right-aligned others. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
