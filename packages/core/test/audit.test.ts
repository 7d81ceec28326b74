import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { type AuditRecord, createJsonlAuditSink, createMemoryAuditSink, createRouter } from '../src/index';
import { ask, drain, failure, fast } from './helpers';

const SECRET = 'Patient Jane Roe, SSN 123-45-6789, dx E11.9';

describe('audit records', () => {
  it('records class, detectors, provider, reason, attempts, tokens and latency — and no text', async () => {
    const local = createFakeProvider({
      id: 'local',
      script: [{ fault: 'http', status: 503 }],
      reply: 'ANSWER-TEXT',
    });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local],
      classifier: () => ({ dataClass: 'regulated', labels: ['phi'], detectors: { us_ssn: 1, icd10: 1 } }),
      audit,
      ...fast,
    });
    await router.chat(ask(SECRET), { workload: 'summarize', tags: { tenant: 'acme' } });
    const record = audit.records[0]!;
    expect(record).toMatchObject({
      version: 1,
      workload: 'summarize',
      tags: { tenant: 'acme' },
      stream: false,
      dataClass: 'regulated',
      dataClassSource: 'classifier',
      labels: ['phi'],
      detectors: { us_ssn: 1, icd10: 1 },
      outcome: 'success',
      provider: 'local',
      providerKind: 'local',
      model: 'fake-local',
      retries: 1,
      fallbacks: 0,
    });
    expect(record.reason).toMatch(/regulated/);
    expect(record.attempts).toEqual([
      expect.objectContaining({ provider: 'local', outcome: 'success', retries: 1 }),
    ]);
    expect(record.usage?.outputTokens).toBeGreaterThan(0);
    expect(record.latencyMs).toBeGreaterThanOrEqual(0);
    const serialized = JSON.stringify(record);
    expect(serialized).not.toContain('Jane');
    expect(serialized).not.toContain('123-45-6789');
    expect(serialized).not.toContain('ANSWER-TEXT');
  });

  it('records failures with the error code and rejected candidates, still without text', async () => {
    const local = createFakeProvider({ id: 'local', health: 'down' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const audit = createMemoryAuditSink();
    const router = createRouter({ providers: [local, cloud], audit, ...fast });
    await failure(() => router.chat(ask(SECRET), { dataClass: 'regulated' }));
    const record = audit.records[0]!;
    expect(record).toMatchObject({ outcome: 'error', errorCode: 'no_eligible_route', provider: undefined });
    expect(record.reason).toMatch(/cloud \(regulated-local-only/);
    expect(JSON.stringify(record)).not.toContain('Jane');
  });

  it('writes prompt and answer text only when the application opts in', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'ANSWER-TEXT', logprobs: -0.2 });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local],
      audit: { sinks: [audit], includeText: true, includeLogprobs: true },
    });
    await router.chat({ ...ask(SECRET), logprobs: true });
    const record = audit.records[0]!;
    expect(record.request?.messages[0]).toEqual({ role: 'user', content: SECRET });
    expect(record.response?.text).toBe('ANSWER-TEXT');
    expect(record.logprobs?.[0]?.logprob).toBe(-0.2);
  });

  it('appends JSON lines to a file and never truncates it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'switchyard-audit-')), 'nested', 'audit.jsonl');
    const local = createFakeProvider({ id: 'local' });
    for (let round = 0; round < 2; round++) {
      const router = createRouter({ providers: [local], audit: createJsonlAuditSink(path) });
      await router.chat(ask());
      await drain(router.stream(ask()));
      await router.close();
    }
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    const records = lines.map((line) => JSON.parse(line) as AuditRecord);
    expect(records.map((record) => record.stream)).toEqual([false, true, false, true]);
    expect(new Set(records.map((record) => record.id)).size).toBe(4);
  });

  it('reports a failing sink as a warning without failing the request', async () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({
      providers: [local],
      audit: [
        {
          write() {
            throw new Error('disk full');
          },
        },
        { write: () => Promise.reject(new Error('network sink down')) },
      ],
    });
    const warnings: string[] = [];
    router.on('warning', (warning) => warnings.push(warning.message));
    const response = await router.chat(ask());
    expect(response.provider).toBe('local');
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual(['Error: disk full', 'Error: network sink down']);
  });

  it('bounds the memory sink', async () => {
    const sink = createMemoryAuditSink({ limit: 2 });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local], audit: sink });
    for (let index = 0; index < 3; index++) await router.chat(ask(), { requestId: `r${index}` });
    expect(sink.records.map((record) => record.id)).toEqual(['r1', 'r2']);
    for (let index = 3; index < 8; index++) await router.chat(ask(), { requestId: `r${index}` });
    expect(sink.records.map((record) => record.id)).toEqual(['r6', 'r7']);
    expect(() => createMemoryAuditSink({ limit: 0 })).toThrow(/limit/);
  });
});
