import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSyntheticLogprobs, parseCalibration, readCalibrationFile } from '@switchyard/confidence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { calibrateCommand } from './calibrate';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
      isTty: false,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('switchyard calibrate', () => {
  let dir: string;
  let labeled: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-calibrate-'));
    labeled = join(dir, 'labeled.jsonl');
    const rows = generateSyntheticLogprobs({ count: 1200, seed: 2 });
    await writeFile(labeled, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fits for an escalation target, prints the fit and writes a calibration that loads', async () => {
    const out = join(dir, 'escalation.json');
    const run = capture();
    const code = await main(['calibrate', labeled, '--target-escalation', '0.3', '--out', out], run.io);
    expect(code).toBe(0);
    expect(run.stderr()).toBe('');
    expect(run.stdout()).toContain('Read 1200 labeled answers');
    expect(run.stdout()).toMatch(/minLogprob\s+1\.0000/);
    expect(run.stdout()).toMatch(
      /Logistic map: AUROC (0\.99\d\d|1\.0000) on these examples, (0\.99\d\d|1\.0000) held out/,
    );
    expect(run.stdout()).toMatch(/−lowProbabilityShare\s+1\.0000/);
    expect(run.stdout()).toMatch(/escalates (29\.\d|30\.0)% of these answers/);
    expect(run.stdout()).toContain('overall quality with escalations answered by the cloud');
    const calibration = await readCalibrationFile(out);
    expect(calibration.target).toEqual({ escalationRate: 0.3 });
    expect(calibration.fit!.escalationRate).toBeLessThanOrEqual(0.3);
    expect(parseCalibration(JSON.parse(await readFile(out, 'utf8')))).toEqual(calibration);
  });

  it('fits for a quality target (and accepts --flag=value)', async () => {
    const out = join(dir, 'quality.json');
    const run = capture();
    expect(await calibrateCommand.run([labeled, '--target-quality=0.95', `--out=${out}`], run.io)).toBe(0);
    const calibration = await readCalibrationFile(out);
    expect(calibration.target).toEqual({ quality: 0.95 });
    expect(calibration.fit!.keptQuality).toBeGreaterThanOrEqual(0.95);
    expect(run.stdout()).toContain('kept answers at least 95.0% acceptable');
  });

  it('answers usage errors with exit code 2 and the usage', async () => {
    const cases: [string[], string][] = [
      [[], 'missing <labeled.jsonl>'],
      [[labeled, '--target-escalation', '0.2', '--target-quality', '0.9'], 'not both'],
      [[labeled, '--target-escalation', '1.5'], "--target-escalation must be at most 1, got '1.5'"],
      [[labeled, '--target-quality', 'high'], "--target-quality must be a number, got 'high'"],
      [[labeled, '--verbose', 'yes'], "Unknown option '--verbose'"],
      [[labeled, '--out'], "Option '--out <value>' argument missing"],
      [[labeled, 'other.jsonl'], "unexpected argument 'other.jsonl'"],
    ];
    for (const [argv, message] of cases) {
      const run = capture();
      expect(await calibrateCommand.run(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toContain(message);
      expect(run.stderr()).toContain('Usage: switchyard calibrate');
    }
  });

  it('answers bad data with exit code 1 and a message naming the line', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(
      bad,
      `${JSON.stringify({ logprobs: { content: [] }, acceptable: true })}\n{"logprobs": [{"token": "a", "logprob": -1, "topLogprobs": []}]}\n`,
    );
    const run = capture();
    expect(await calibrateCommand.run([bad, '--out', join(dir, 'never.json')], run.io)).toBe(1);
    expect(run.stderr()).toContain("line 2: no label: set 'acceptable'");

    const oneClass = join(dir, 'one-class.jsonl');
    await writeFile(
      oneClass,
      `${JSON.stringify({ logprobs: [{ token: 'a', logprob: -1, topLogprobs: [] }], acceptable: true })}\n`,
    );
    const second = capture();
    expect(await calibrateCommand.run([oneClass], second.io)).toBe(1);
    expect(second.stderr()).toContain('need both acceptable and unacceptable answers');

    const missing = capture();
    expect(await calibrateCommand.run([join(dir, 'nope.jsonl')], missing.io)).toBe(1);
    expect(missing.stderr()).toContain('cannot read');
  });

  it('reports an unwritable output file with exit code 1', async () => {
    const run = capture();
    expect(await calibrateCommand.run([labeled, '--out', join(dir, 'no-such-dir', 'c.json')], run.io)).toBe(
      1,
    );
    expect(run.stderr()).toContain('cannot write');
  });

  it('is listed by switchyard --help', async () => {
    const run = capture();
    await main(['--help'], run.io);
    expect(run.stdout()).toMatch(/calibrate\s+Fit a confidence threshold/);
  });
});
