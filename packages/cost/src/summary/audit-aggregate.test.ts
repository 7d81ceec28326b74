import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditRecord, createJsonlAuditSink, createRouter, type RouterPlugin } from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createCostMeter } from '../meter/create-cost-meter';
import { profilesFromAggregate } from '../planner/profiles-from-aggregate';
import { createAuditAggregator, NO_WORKLOAD } from './audit-aggregate';
import { mergeAuditAggregates } from './merge-audit-aggregates';
import { summarizeCosts } from './cost-summary';

async function writeAuditFile() {
  const path = join(mkdtempSync(join(tmpdir(), 'switchyard-audit-')), 'audit.jsonl');
  const local = createFakeProvider({
    id: 'local',
    kind: 'local',
    model: 'qwen3-30b',
    reply: 'a local answer of five',
  });
  const cloud = createFakeProvider({
    id: 'cloud',
    kind: 'cloud',
    model: 'gpt-4.1-mini',
    reply: 'cloud answer',
  });
  const escalate: RouterPlugin = {
    name: 'escalate-extract',
    judge: (_response, context, info) =>
      context.workload === 'extract' && info.provider.kind === 'local'
        ? { escalate: true, to: ['cloud'], reason: 'low confidence', confidence: 0.3 }
        : undefined,
  };
  const meter = createCostMeter({ deployments: { local: 'rtx-4090' } });
  const sink = createJsonlAuditSink(path);
  const router = createRouter({ providers: [local, cloud], plugins: [meter, escalate], audit: sink });
  const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
  for (let index = 0; index < 4; index++)
    await router.chat(ask(`summary ${index}`), { workload: 'summarize', dataClass: 'internal' });
  for (let index = 0; index < 2; index++)
    await router.chat(ask(`chart ${index}`), { workload: 'notes', dataClass: 'regulated' });
  await router.chat(ask('fields'), { workload: 'extract', dataClass: 'internal' });
  await router.chat(ask('hello'), { dataClass: 'public' });
  await router.close();
  return { path, meter };
}

describe('createAuditAggregator', () => {
  it('totals an audit file by workload, data class and provider, matching the meter', async () => {
    const { path, meter } = await writeAuditFile();
    const records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
    const aggregator = createAuditAggregator();
    for (const record of records) aggregator.add(record);
    const result = aggregator.result();
    const totals = meter.totals();
    expect(result.total.requests).toBe(8);
    expect(result.total.cloudUsd).toBeCloseTo(totals.cloudUsd, 15);
    expect(result.total.localUsd).toBeCloseTo(totals.localUsd, 15);
    expect(result.total.savingsUsd).toBeCloseTo(totals.savingsUsd, 15);
    expect(summarizeCosts(records).totalUsd).toBeCloseTo(totals.totalUsd, 15);
    expect(Object.keys(result.byWorkload).sort()).toEqual([NO_WORKLOAD, 'extract', 'notes', 'summarize']);
    expect(result.byWorkload.summarize).toMatchObject({ requests: 4, servedLocal: 4, servedCloud: 0 });
    expect(result.byWorkload.extract).toMatchObject({ requests: 1, servedCloud: 1, escalations: 1 });
    expect(result.byWorkload.extract!.discardedUsd).toBeGreaterThan(0);
    expect(result.byWorkload.notes!.dataClasses).toEqual({ public: 0, internal: 0, regulated: 2 });
    expect(result.byDataClass.regulated!.requests).toBe(2);
    expect(result.byProvider.local).toMatchObject({ kind: 'local', calls: 7, served: 6, unpriced: 0 });
    expect(result.byProvider.cloud).toMatchObject({ kind: 'cloud', calls: 2, served: 2 });
    expect(result.byProvider.local!.busySeconds).toBeCloseTo(result.total.busySeconds, 12);
    expect(result.spanDays).toBeGreaterThanOrEqual(0);

    const profiles = profilesFromAggregate(result, { summarize: 'commodity' });
    const summarize = profiles.find((entry) => entry.workload === 'summarize')!;
    expect(summarize.kind).toBe('commodity');
    expect(summarize.cloudEquivalentUsd).toBeCloseTo(result.byWorkload.summarize!.allCloudUsd, 15);
  });

  it('prices records that carry no cost with the given pricer', async () => {
    const { path, meter } = await writeAuditFile();
    const records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => ({ ...(JSON.parse(line) as AuditRecord), cost: undefined }));
    const unpriced = createAuditAggregator();
    const priced = createAuditAggregator({ price: (record) => meter.costOf(record) });
    for (const record of records) {
      unpriced.add(record);
      priced.add(record);
    }
    expect(unpriced.result().total.unmetered).toBe(8);
    expect(priced.result().total.unmetered).toBe(0);
    expect(priced.result().total.cloudUsd).toBeCloseTo(meter.totals().cloudUsd, 15);
  });

  it('merges aggregates of disjoint parts into the aggregate of the whole', async () => {
    const { path } = await writeAuditFile();
    const records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
    const whole = createAuditAggregator();
    const parts = [createAuditAggregator(), createAuditAggregator(), createAuditAggregator()];
    records.forEach((record, index) => {
      whole.add(record);
      parts[index % 3]!.add(record);
    });
    const merged = mergeAuditAggregates(parts.map((part) => part.result()));
    const expected = whole.result();
    expect(merged.total.requests).toBe(expected.total.requests);
    expect(merged.total.totalUsd).toBeCloseTo(expected.total.totalUsd, 15);
    expect(merged.total.localShare).toBeCloseTo(expected.total.localShare, 15);
    expect(merged.total.savingsShare).toBeCloseTo(expected.total.savingsShare, 12);
    expect(merged.byWorkload.summarize).toMatchObject({ requests: 4, servedLocal: 4 });
    expect(merged.byWorkload.notes!.dataClasses).toEqual(expected.byWorkload.notes!.dataClasses);
    expect(merged.byProvider.local).toMatchObject({ calls: 7, served: 6 });
    expect(merged.byProvider.local!.usd).toBeCloseTo(expected.byProvider.local!.usd, 15);
    expect(merged.firstTimestamp).toBe(expected.firstTimestamp);
    expect(merged.lastTimestamp).toBe(expected.lastTimestamp);
  });
});
