import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonlAuditSink, createRouter } from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { fitCalibration, logprobConfidence, parseLabeledJsonl } from '../src/index';

describe('recording a labeled file from your own traffic', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('audit records written with includeLogprobs, joined with labels, calibrate', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-record-'));
    const path = join(dir, 'audit.jsonl');
    // The local model is unsure exactly on the questions it gets wrong (odd numbers here).
    const local = createFakeProvider({
      id: 'local',
      reply: (request) => `answer to ${JSON.stringify(request.messages[0]!.content)}`,
      logprobs: (index, token) => (index === 2 && /[13579]"$/.test(token) ? Math.log(0.2) : Math.log(0.97)),
    });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      // Shadow mode: threshold 0 never escalates, so every local answer and its logprobs are recorded.
      plugins: [logprobConfidence({ threshold: 0, to: ['cloud'] })],
      audit: { sinks: [createJsonlAuditSink(path)], includeLogprobs: true },
    });
    const ids: string[] = [];
    for (let question = 0; question < 60; question++) {
      const response = await router.chat({
        messages: [{ role: 'user', content: `q${question}` }],
        logprobs: true,
        topLogprobs: 3,
      });
      ids.push(response.requestId);
    }
    await router.close();
    expect(cloud.calls).toHaveLength(0);

    // The application's own labels, keyed by request id, joined to the audit records.
    const acceptable = new Map(ids.map((id, question) => [id, question % 2 === 0]));
    const audit = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(audit[0].logprobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit[0])).not.toContain('"content"');
    const labeled = audit
      .filter((record) => record.provider === 'local')
      .map((record) => JSON.stringify({ ...record, acceptable: acceptable.get(record.id) }))
      .join('\n');

    const { examples, skipped } = parseLabeledJsonl(labeled);
    expect(skipped).toBe(0);
    expect(examples).toHaveLength(60);
    const { calibration } = fitCalibration(examples, { target: { escalationRate: 0.5 }, folds: 0 });
    expect(calibration.fit!.auroc).toBe(1);
    expect(calibration.fit!.keptQuality).toBe(1);
  });
});
