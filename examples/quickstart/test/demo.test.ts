import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@switchyard/cli';
import { describe, expect, it } from 'vitest';
import { batch } from '../src/batch';
import { runDemo } from '../src/run-demo';

describe('the quickstart demo', () => {
  it('routes the mixed batch through the real adapters and never sends regulated data to cloud', async () => {
    const auditPath = join(mkdtempSync(join(tmpdir(), 'switchyard-demo-')), 'audit.jsonl');
    let output = '';
    const result = await runDemo({ write: (text) => (output += text), auditPath, env: {} });

    // The scenario shows each behaviour at least once.
    expect(result.totals.requests).toBe(batch.length);
    expect(result.totals.regulatedToCloud).toBe(0);
    expect(result.totals.overflowed).toBeGreaterThan(0);
    expect(result.totals.escalations).toBeGreaterThan(0);
    expect(result.totals.refusedRegulated).toBeGreaterThan(0);
    expect(result.totals.servedLocally).toBeGreaterThan(0);

    for (const record of result.records) {
      if (record.dataClass === 'regulated') expect(record.attempts.every((attempt) => attempt.kind === 'local')).toBe(true);
      // Audit records carry no prompt text.
      expect(JSON.stringify(record)).not.toContain('Maria Alvarez');
    }
    // The classifier found regulated data on its own (no caller said so) and named its detectors.
    const loan = result.records.find((record) => record.id === 'demo-06');
    expect(loan?.dataClassSource).toBe('classifier');
    expect(loan?.labels).toContain('npi');

    // Public work went to Anthropic, internal overflow to OpenAI.
    expect(result.records.some((record) => record.dataClass === 'public' && record.provider === 'anthropic')).toBe(true);
    expect(result.records.some((record) => record.reason.startsWith('overflow') && record.provider === 'openai')).toBe(true);

    // Costs: cloud spend and local cost both metered.
    expect(result.costs.cloudUsd).toBeGreaterThan(0);
    expect(result.costs.localUsd).toBeGreaterThan(0);

    // The table and totals, and an audit file the CLI can read.
    expect(output).toContain('Regulated requests sent to cloud:  0');
    expect(output).toMatch(/served by/);
    expect(readFileSync(auditPath, 'utf8').trim().split('\n')).toHaveLength(batch.length);

    // `switchyard report` and `switchyard plan` read it.
    for (const argv of [['report', auditPath], ['plan', auditPath, '--hardware', 'rtx-4090']]) {
      let stdout = '';
      let stderr = '';
      const code = await main(argv, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        isTty: false,
      });
      expect({ argv: argv[0], code, stderr }).toEqual({ argv: argv[0], code: 0, stderr: '' });
      expect(stdout.length).toBeGreaterThan(100);
    }
  }, 60_000);
});
