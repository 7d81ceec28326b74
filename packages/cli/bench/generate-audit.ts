import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { AuditRecord, DataClass, Usage } from '@switchyard/core';
import { createCostMeter } from '@switchyard/cost';

interface Shape {
  workload: string;
  dataClass: DataClass;
  served: { provider: string; kind: 'local' | 'cloud'; model: string };
  escalatedFrom?: { provider: string; kind: 'local'; model: string };
  weight: number;
}

const LOCAL = { provider: 'local-qwen', kind: 'local' as const, model: 'qwen3-30b-a3b' };
const MINI = { provider: 'openai', kind: 'cloud' as const, model: 'gpt-4o-mini-2024-07-18' };
const SONNET = { provider: 'anthropic', kind: 'cloud' as const, model: 'claude-sonnet-4-6' };
const SHAPES: Shape[] = [
  { workload: 'summarize', dataClass: 'internal', served: LOCAL, weight: 40 },
  { workload: 'classify', dataClass: 'internal', served: LOCAL, weight: 20 },
  { workload: 'patient-notes', dataClass: 'regulated', served: LOCAL, weight: 10 },
  { workload: 'extract', dataClass: 'internal', served: SONNET, escalatedFrom: LOCAL, weight: 5 },
  { workload: 'answer', dataClass: 'public', served: MINI, weight: 15 },
  { workload: 'agent', dataClass: 'public', served: SONNET, weight: 10 },
];
const PICK = SHAPES.flatMap((shape) => Array.from({ length: shape.weight }, () => shape));

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Writes `count` realistic audit records (with cost fields from the real meter) as JSON Lines:
 * six workloads over 30 days, local, cloud and escalated answers, all three data classes.
 */
export async function generateAuditFile(path: string, count: number): Promise<number> {
  const meter = createCostMeter({
    deployments: { 'local-qwen': '2x-h100-owned' },
    shadow: { candidates: ['gpt-4o-mini', 'claude-haiku-4-5'] },
  });
  const next = random(42);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const start = Date.UTC(2026, 9, 1);
  const step = (30 * 86_400_000) / count;
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const shape = PICK[Math.floor(next() * PICK.length)]!;
    const usage = (): Usage => {
      const input = 200 + Math.floor(next() * 3_000);
      const cached = shape.served.provider === 'anthropic' && next() < 0.3 ? Math.floor(input * 0.6) : 0;
      return {
        inputTokens: input,
        outputTokens: 20 + Math.floor(next() * 600),
        cacheReadTokens: cached,
        cacheWriteTokens: 0,
      };
    };
    const served = usage();
    const attempts: AuditRecord['attempts'] = [];
    if (shape.escalatedFrom) {
      attempts.push({
        ...shape.escalatedFrom,
        outcome: 'discarded',
        retries: 0,
        latencyMs: 300 + next() * 900,
        usage: usage(),
      });
    }
    attempts.push({
      ...shape.served,
      outcome: 'success',
      retries: 0,
      latencyMs: 200 + next() * 2_000,
      usage: served,
    });
    const record: AuditRecord = {
      version: 1,
      id: `req-${index.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`,
      timestamp: new Date(start + index * step).toISOString(),
      workload: shape.workload,
      tags: { tenant: `tenant-${Math.floor(next() * 20)}` },
      stream: next() < 0.3,
      dataClass: shape.dataClass,
      dataClassSource: 'caller',
      callerDataClass: shape.dataClass,
      labels: shape.dataClass === 'regulated' ? ['phi'] : [],
      detectors: shape.dataClass === 'regulated' ? { icd10: 1 } : {},
      outcome: 'success',
      errorCode: undefined,
      provider: shape.served.provider,
      providerKind: shape.served.kind,
      model: shape.served.model,
      reason: shape.escalatedFrom ? 'escalated from local-qwen: low confidence' : 'class-order: local first',
      attempts,
      fallbacks: 0,
      retries: 0,
      escalation: shape.escalatedFrom
        ? {
            escalated: true,
            reason: 'low confidence',
            confidence: 0.31,
            from: 'local-qwen',
            to: ['anthropic'],
            blocked: false,
          }
        : undefined,
      usage: served,
      latencyMs: 300 + next() * 2_500,
      timeToFirstTokenMs: undefined,
      cost: undefined,
    };
    record.cost = meter.costOf(record);
    const line = `${JSON.stringify(record)}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
