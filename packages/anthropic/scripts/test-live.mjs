// Runs the live tests (src/*.live.test.ts) only when the API key named on the command line is set.
import { spawnSync } from 'node:child_process';

const variable = process.argv[2];
if (!process.env[variable]) {
  console.log(`${variable} is not set: no live test to run`);
  process.exit(0);
}
const result = spawnSync('vitest', ['run', '--config', 'vitest.live.config.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
