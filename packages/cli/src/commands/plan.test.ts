import { join } from 'node:path';
import type { RoutingPlan } from '@switchyard/cost';
import { describe, expect, it } from 'vitest';
import { tempDir, writeAuditFixture } from '../../test/audit-fixture';
import { captureIo } from '../../test/capture-io';
import { main } from '../main';

async function fixture(): Promise<string> {
  const file = join(tempDir(), 'audit.jsonl');
  await writeAuditFixture(file);
  return file;
}

describe('switchyard plan <audit.jsonl>', () => {
  it('scores each workload and recommends what to move local, with TCO, break-even, payback and split', async () => {
    const file = await fixture();
    const io = captureIo();
    // The fixture's 24 requests stand for a month of traffic scaled up: 0.0001 days → ×3.65M a year.
    expect(await main(['plan', file, '--hardware', '2x-h100-owned', '--period-days', '0.0001'], io)).toBe(0);
    expect(io.err).toBe('');
    for (const text of [
      'API spend if all-cloud',
      'Workloads',
      'Hardware',
      'Annual TCO',
      'Hybrid split',
      'Savings',
      'Break-even',
      'Payback',
    ]) {
      expect(io.out).toContain(text);
    }
    expect(io.out).toMatch(/patient-notes\s.*local-required\s+100% of requests carry regulated data/);
    expect(io.out).toMatch(/agent\s.*cloud\s/);
  });

  it('prints the plan as JSON, with task kinds overridable', async () => {
    const file = await fixture();
    const io = captureIo();
    expect(
      await main(
        [
          'plan',
          file,
          '--hardware',
          'l40s',
          '--period-days',
          '0.0001',
          '--kind',
          'agent=commodity',
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    const plan = JSON.parse(io.out) as RoutingPlan;
    const byName = Object.fromEntries(plan.workloads.map((workload) => [workload.workload, workload]));
    expect(byName.agent!.kind).toBe('commodity');
    expect(byName.summarize!.kind).toBe('commodity');
    expect(byName['patient-notes']!.placement).toBe('local-required');
    expect(byName.extract!.escalationRate).toBe(1);
    expect(plan.hardware.name).toBe('L40S');
    expect(plan.after.totalUsd).toBeCloseTo(plan.after.cloudUsd + plan.after.localUsd, 6);
  });

  it('says when the log is too short to annualize reliably', async () => {
    const file = await fixture();
    const io = captureIo();
    expect(await main(['plan', file, '--hardware', 'rtx-4090'], io)).toBe(0);
    expect(io.out).toMatch(/note: the log covers 0\.00 days; figures are annualized from 1\.00 days/);
  });
});

describe('switchyard plan --spend', () => {
  it('reproduces the guide’s fintech case from stated inputs', async () => {
    const io = captureIo();
    const argv = [
      'plan',
      '--spend',
      String(47_000 * 12),
      '--commodity-share',
      '0.9',
      '--hardware',
      'h100-rented',
      '--set',
      'rentalUsdPerHour=2.26',
      '--set',
      'engineerShare=0',
      '--set',
      'throughputTokensPerSecond=1000',
      '--set',
      'prefillTokensPerSecond=8000',
      '--setup-usd',
      '156000',
    ];
    expect(await main(argv, io)).toBe(0);
    expect(io.out).toMatch(/Savings\s+\$468,005 a year versus all-cloud \(83\.0%\)/);
    expect(io.out).toMatch(/Payback\s+4\.0 months/);
    expect(io.out).toMatch(/2 × H100 \(rented per GPU-hour\)/);
    const json = captureIo();
    expect(await main([...argv, '--json'], json)).toBe(0);
    const plan = JSON.parse(json.out) as RoutingPlan;
    expect(Math.round(plan.after.totalUsd / 12 / 100) * 100).toBe(8_000);
  });

  it('keeps a small bill on cloud', async () => {
    const io = captureIo();
    expect(
      await main(['plan', '--spend', '40000', '--commodity-share', '0.8', '--hardware', '2x-h100-owned'], io),
    ).toBe(0);
    expect(io.out).toContain('cloud band');
    expect(io.out).toContain('Stay on cloud APIs');
  });
});

describe('switchyard plan errors', () => {
  it('fails cleanly on usage errors', async () => {
    const cases: [string[], number, RegExp][] = [
      [['plan', 'a.jsonl'], 2, /missing --hardware/],
      [['plan', '--hardware', 'l40s'], 2, /missing <audit\.jsonl> \(or --spend/],
      [['plan', 'a.jsonl', '--hardware', 'tpu-v9'], 2, /unknown hardware preset 'tpu-v9'/],
      [
        ['plan', '--spend', '1e5', '--hardware', 'l40s', '--set', 'colour=3'],
        2,
        /--set: unknown field 'colour'/,
      ],
      [
        ['plan', '--spend', '1e5', '--hardware', 'l40s', '--set', 'utilization=2'],
        2,
        /hardware\.utilization: must be at most 1/,
      ],
      [['plan', '--spend', 'lots', '--hardware', 'l40s'], 2, /--spend must be a number, got 'lots'/],
      [
        ['plan', '--spend', '1e5', '--hardware', 'l40s', '--commodity-share', '1.5'],
        2,
        /--commodity-share must be at most 1/,
      ],
      [['plan', 'a.jsonl', '--spend', '1e5', '--hardware', 'l40s'], 2, /an audit file or --spend, not both/],
      [
        ['plan', 'a.jsonl', '--hardware', 'l40s', '--kind', 'agent=genius'],
        2,
        /--kind needs WORKLOAD=commodity\|general\|complex/,
      ],
      [['plan', join(tempDir(), 'none.jsonl'), '--hardware', 'l40s'], 1, /cannot read/],
    ];
    for (const [argv, code, message] of cases) {
      const io = captureIo();
      expect(await main(argv, io), argv.join(' ')).toBe(code);
      expect(io.err).toMatch(message);
    }
  });

  it('is listed in the CLI help with report', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/report\s+Spend, tokens/);
    expect(io.out).toMatch(/plan\s+Which workloads/);
  });
});
