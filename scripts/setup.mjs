#!/usr/bin/env node
// Bootstraps the workspace on a machine that has only Node.js 20+ and npm:
// finds pnpm (the workspace's own copy, then one on PATH, then npx) and installs
// the locked dependencies. Safe to run repeatedly; a no-op when nothing changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, '');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`Switchyard needs Node.js 20 or newer; this is ${process.version}.`);
  process.exit(1);
}

const stampFile = join(root, 'node_modules', '.switchyard-setup');
const lockfile = join(root, 'pnpm-lock.yaml');
const stamp = createHash('sha256')
  .update(existsSync(lockfile) ? readFileSync(lockfile) : '')
  .update(pnpmVersion)
  .digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

const localPnpm = join(root, 'node_modules', '.bin', 'pnpm');
const installArgs = ['install', '--frozen-lockfile'];
console.log(`Setting up the workspace with pnpm ${pnpmVersion} ...`);
const installed = existsSync(localPnpm)
  ? run(localPnpm, installArgs)
  : run('npx', ['--yes', `pnpm@${pnpmVersion}`, ...installArgs]);
if (!installed) {
  console.error('Installing dependencies failed (see above).');
  process.exit(1);
}
writeFileSync(stampFile, stamp);
