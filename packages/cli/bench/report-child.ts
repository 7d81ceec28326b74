/**
 * Runs `switchyard report <file>` in this process (the benchmark starts it as a child) and prints
 * `{"exitCode", "maxRssKb", "cpuSeconds", "outputBytes"}` as the last line of stdout.
 */
import { main } from '../src/main';

const file = process.argv[2];
if (!file) throw new Error('usage: report-child <audit.jsonl>');
let outputBytes = 0;
let errors = '';
const threads = process.env.THREADS ? ['--threads', process.env.THREADS] : [];
const exitCode = await main(['report', file, ...threads], {
  stdout: (text) => {
    outputBytes += text.length;
  },
  stderr: (text) => {
    errors += text;
  },
  isTty: false,
  stderrIsTty: false,
});
if (errors) process.stderr.write(errors);
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ exitCode, maxRssKb: usage.maxRSS, cpuSeconds, outputBytes })}\n`);
