import { runDemo } from './run-demo';

const result = await runDemo();
// The one number that must always read zero.
if (result.totals.regulatedToCloud !== 0) {
  console.error('BUG: a regulated request reached a cloud provider');
  process.exitCode = 1;
}
