import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeAuditFixture } from '../../test/audit-fixture';
import { captureIo } from '../../test/capture-io';
import { aggregateAuditFile } from './aggregate-audit-file';

describe('aggregateAuditFile', () => {
  it('gives the same totals and line numbers read by several threads as by one', async () => {
    const folder = tempDir();
    const fixture = join(folder, 'fixture.jsonl');
    await writeAuditFixture(fixture);
    const good = readFileSync(fixture, 'utf8').trim().split('\n');
    // 10 copies of the log with a bad line in every copy, then a truncated last line.
    const lines: string[] = [];
    for (let copy = 0; copy < 10; copy++) lines.push(...good, `{"broken": ${copy}`);
    const file = join(folder, 'audit.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n${good[0]!.slice(0, 50)}`);

    const one = captureIo();
    const single = await aggregateAuditFile(file, one, undefined, { threads: 1 });
    const three = captureIo();
    const parallel = await aggregateAuditFile(file, three, undefined, { threads: 3 });

    expect(single.stats).toEqual({
      lines: lines.length + 1,
      records: good.length * 10,
      badLines: 11,
      bytes: expect.any(Number),
    });
    expect(parallel.stats).toEqual(single.stats);
    expect(three.err).toBe(one.err);
    const numbers = [...one.err.matchAll(/:(\d+): /g)].map((match) => Number(match[1]));
    expect(numbers).toEqual([
      ...Array.from({ length: 10 }, (_, copy) => (copy + 1) * (good.length + 1)),
      lines.length + 1,
    ]);
    expect(one.err).toContain(`:${lines.length + 1}: truncated`);

    expect(parallel.aggregate.total.requests).toBe(single.aggregate.total.requests);
    expect(parallel.aggregate.total.totalUsd).toBeCloseTo(single.aggregate.total.totalUsd, 12);
    expect(parallel.aggregate.total.savingsUsd).toBeCloseTo(single.aggregate.total.savingsUsd, 12);
    expect(parallel.aggregate.byWorkload.summarize!.requests).toBe(120);
    expect(parallel.aggregate.byProvider['local-qwen']!.calls).toBe(
      single.aggregate.byProvider['local-qwen']!.calls,
    );
  });

  it('prices unmetered records in every thread', async () => {
    const folder = tempDir();
    const fixture = join(folder, 'fixture.jsonl');
    await writeAuditFixture(fixture, { meter: false });
    const text = readFileSync(fixture, 'utf8');
    const file = join(folder, 'audit.jsonl');
    writeFileSync(file, text.repeat(6));
    const flags = { hardware: 'l40s', prices: undefined, shadow: ['gpt-4o-mini'] };
    const single = await aggregateAuditFile(file, captureIo(), flags, { threads: 1 });
    const parallel = await aggregateAuditFile(file, captureIo(), flags, { threads: 2 });
    expect(parallel.aggregate.repriced).toBe(single.aggregate.repriced);
    expect(parallel.aggregate.repriced).toBe(144);
    expect(parallel.aggregate.total.localUsd).toBeCloseTo(single.aggregate.total.localUsd, 12);
    expect(parallel.aggregate.total.unknownCost).toBe(0);
  });
});
