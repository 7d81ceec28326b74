/**
 * `switchyard report` on a generated 1,000,000-line audit file. Targets: <= 10 s wall time and
 * < 200 MB peak memory (max RSS of the child process running the report).
 *
 * Run: pnpm bench   (LINES=200000 for a quicker run; AUDIT_FILE=<path> LINES=<its lines> to reuse a
 * generated file; THREADS=<n> to pin the reader threads)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { generateAuditFile } from './generate-audit';

const LINES = Number(process.env.LINES ?? 1_000_000);
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 200;

const here = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'switchyard-report-bench-'));
// AUDIT_FILE reuses a file generated before (generating takes longer than reading).
const file = process.env.AUDIT_FILE ?? join(folder, 'audit.jsonl');
try {
  if (!process.env.AUDIT_FILE) {
    const generated = performance.now();
    await generateAuditFile(file, LINES);
    console.log(
      `Generated ${LINES.toLocaleString('en-US')} audit lines (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - generated) / 1_000).toFixed(1)} s`,
    );
  }

  // Compile the CLI as tsup ships it (plain JavaScript, no TypeScript loader at run time), here with
  // the workspace packages bundled in so the child needs no build of its dependencies.
  const out = join(folder, 'dist');
  await build({
    entry: {
      'report-child': join(here, 'report-child.ts'),
      'aggregate-worker': join(here, '../src/audit/aggregate-worker.ts'),
    },
    outDir: out,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    bundle: true,
    noExternal: [/.*/],
    dts: false,
    silent: true,
    esbuildOptions(options) {
      options.conditions = ['@switchyard/source'];
    },
  });
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(out, 'report-child.js'), file], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1_000;
  if (child.status !== 0) {
    console.error(child.stderr);
    throw new Error(`report child exited with ${child.status}`);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    exitCode: number;
    maxRssKb: number;
    cpuSeconds: number;
  };
  const rssMb = result.maxRssKb / 1024;
  console.log(
    `switchyard report on ${LINES.toLocaleString('en-US')} lines (target <= ${TARGET_SECONDS} s, < ${TARGET_RSS_MB} MB)`,
  );
  console.log(
    `  wall time   ${seconds.toFixed(2)} s   ${seconds <= TARGET_SECONDS ? 'PASS' : 'FAIL'}  (${(LINES / seconds / 1e3).toFixed(0)}K lines/s, child start-up included)`,
  );
  console.log(
    `  CPU time    ${result.cpuSeconds.toFixed(2)} s   (user + system of the child; wall time also counts waiting for a core)`,
  );
  console.log(`  peak RSS    ${rssMb.toFixed(0)} MB   ${rssMb < TARGET_RSS_MB ? 'PASS' : 'FAIL'}`);
  console.log(`  exit code   ${result.exitCode}`);
  if (seconds > TARGET_SECONDS || rssMb >= TARGET_RSS_MB || result.exitCode !== 0) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
