import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Label } from '../src/index';

/** One labeled case of the development corpus. */
export interface CorpusCase {
  id: string;
  text: string;
  labels: Label[];
  note: string;
}

/** The organization config the corpus labels assume. */
export interface OrgConfig {
  codenames: string[];
  clients: string[];
  internalDomains: string[];
}

/**
 * Finds the corpus folder: `--corpus <dir>`, `SWITCHYARD_CORPUS_DIR`, `<repo>/../shared/corpus` (the
 * repo root is found by walking up to `pnpm-workspace.yaml`), else the snapshot kept with the tests.
 */
export function corpusDir(argv: readonly string[] = process.argv): string {
  const flag = argv.indexOf('--corpus');
  if (flag >= 0 && argv[flag + 1]) return resolve(argv[flag + 1]!);
  if (process.env.SWITCHYARD_CORPUS_DIR) return resolve(process.env.SWITCHYARD_CORPUS_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml)');
    dir = parent;
  }
  const shared = join(dir, '..', 'shared', 'corpus');
  if (existsSync(shared)) return shared;
  // Outside the development layout: the snapshot kept with the tests.
  return join(dir, 'packages', 'classify', 'test', 'corpus', 'snapshot');
}

export function loadCorpus(dir: string, file = 'dev.jsonl'): { cases: CorpusCase[]; org: OrgConfig } {
  const cases = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
  const org = JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8')) as OrgConfig;
  return { cases, org };
}
