import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonlAuditSink, createRouter, type RouterPlugin } from '@switchyard/core';
import { createCostMeter, type CostMeter } from '@switchyard/cost';
import { createFakeProvider } from '@switchyard/testing';

/** A temporary folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'switchyard-cli-'));
}

/**
 * Writes a real audit log: a router with a local and two cloud fake providers, the cost meter, an
 * escalating judge for `extract`, and traffic across workloads and data classes.
 */
export async function writeAuditFixture(path: string, options: { meter?: boolean } = {}): Promise<CostMeter> {
  const local = createFakeProvider({
    id: 'local-qwen',
    kind: 'local',
    model: 'qwen3-30b-a3b',
    reply: 'a short local answer of seven words',
  });
  const openai = createFakeProvider({
    id: 'openai',
    kind: 'cloud',
    model: 'gpt-4o-mini',
    reply: 'cloud answer from openai',
  });
  const claude = createFakeProvider({
    id: 'anthropic',
    kind: 'cloud',
    model: 'claude-sonnet-4-6',
    reply: 'a careful answer from claude',
  });
  const escalate: RouterPlugin = {
    name: 'escalate-extract',
    judge: (_response, context, info) =>
      context.workload === 'extract' && info.provider.kind === 'local'
        ? { escalate: true, to: ['anthropic'], reason: 'low confidence', confidence: 0.2 }
        : undefined,
  };
  const meter = createCostMeter({ deployments: { 'local-qwen': 'mac-studio-m3-ultra-256gb' } });
  const router = createRouter({
    providers: [local, openai, claude],
    plugins: options.meter === false ? [escalate] : [meter, escalate],
    audit: createJsonlAuditSink(path),
    policy: { workloads: { agent: { prefer: ['anthropic'] } } },
  });
  const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });
  for (let index = 0; index < 12; index++) {
    await router.chat(ask(`Summarize ticket ${index}: the printer on floor ${index} is jammed again.`), {
      workload: 'summarize',
      dataClass: 'internal',
    });
  }
  for (let index = 0; index < 4; index++) {
    await router.chat(ask(`Patient ${index} reports mild headaches; draft the visit note.`), {
      workload: 'patient-notes',
      dataClass: 'regulated',
    });
  }
  for (let index = 0; index < 3; index++) {
    await router.chat(ask(`Extract the invoice number from document ${index}.`), {
      workload: 'extract',
      dataClass: 'internal',
    });
  }
  for (let index = 0; index < 5; index++) {
    await router.chat(ask(`Plan a multi-step migration for service ${index}.`), {
      workload: 'agent',
      dataClass: 'public',
    });
  }
  await router.close();
  return meter;
}
