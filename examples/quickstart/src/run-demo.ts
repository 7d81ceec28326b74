import { mkdirSync, rmSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '@switchyard/classify';
import { logprobConfidence } from '@switchyard/confidence';
import {
  type AuditRecord,
  createJsonlAuditSink,
  createMemoryAuditSink,
  createRouter,
  SwitchyardError,
} from '@switchyard/core';
import { type CostSummary, createCostMeter, formatCostSummary, summarizeCosts } from '@switchyard/cost';
import { batch, type DemoRequest } from './batch';
import { startEnvironment } from './environment';
import { type DemoRow, renderTable, renderTotals, summarize } from './render';

export interface DemoOptions {
  /** Where the output goes. Default: stdout. */
  write?: (text: string) => void;
  /** The audit file to (re)write. Default: `examples/quickstart/out/audit.jsonl`. */
  auditPath?: string;
  /** Environment for real endpoints (OPENAI_API_KEY...). Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
}

export interface DemoResult {
  records: AuditRecord[];
  totals: ReturnType<typeof summarize>;
  costs: CostSummary;
  auditPath: string;
}

/** The organization the classifier knows about (synthetic names). */
const organization = {
  codenames: ['Project Nightjar', 'ARGONAUT-7'],
  clients: ['Pellucid Freight Systems', 'Oxbury & Lane Capital'],
  internalDomains: ['corp.example-co.com'],
};

const defaultAuditPath = fileURLToPath(new URL('../out/audit.jsonl', import.meta.url));

/**
 * Runs the quickstart: four waves of a realistic mixed batch through one router — normal traffic, a
 * local server whose slots fill up, local servers failing, and recovery — then prints the table of
 * request → data class → provider → why, the totals and the cost summary.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const auditPath = options.auditPath ?? defaultAuditPath;
  const concurrency = options.concurrency ?? 4;
  rmSync(auditPath, { force: true });
  mkdirSync(dirname(auditPath), { recursive: true });

  const environment = await startEnvironment(options.env);
  write('Switchyard quickstart — providers:\n');
  for (const line of environment.description) write(`  ${line}\n`);

  const memory = createMemoryAuditSink();
  const costMeter = createCostMeter({
    deployments: { llamacpp: 'rtx-4090', mlx: 'mac-studio-m3-ultra-256gb', '*': 'rtx-4090' },
  });
  const router = createRouter({
    providers: environment.providers,
    classifier: createClassifier({ org: organization }).forRouter(),
    plugins: [
      // A cascade: unsure llama.cpp answers escalate — to OpenAI when the data class allows it,
      // else to the larger local model on MLX.
      logprobConfidence({ threshold: 0.5, to: ['openai', 'mlx'], from: ['llamacpp'] }),
      costMeter,
    ],
    audit: [memory, createJsonlAuditSink(auditPath)],
    policy: {
      // Internal work runs on llama.cpp and overflows to OpenAI; the larger MLX model is kept for
      // regulated work. Public work prefers cloud (Anthropic first, by declaration order).
      internal: { providers: ['llamacpp', 'openai'] },
      workloads: { summarize: { prefer: ['llamacpp'] }, reason: { prefer: ['llamacpp'] } },
    },
    providerSettings: { llamacpp: { concurrency: 2, maxQueue: 8 } },
    retry: { retries: 1, minDelayMs: 50 },
    circuitBreaker: { failureThreshold: 2, cooldownMs: 800 },
    probes: { healthTtlMs: 250, capacityTtlMs: 150 },
    timeouts: { attemptMs: 15_000, totalMs: 30_000 },
  });

  const rows: DemoRow[] = [];
  let done = 0;
  const run = async (request: DemoRequest, index: number) => {
    const context = {
      workload: request.workload,
      requestId: `demo-${String(index + 1).padStart(2, '0')}`,
      ...(request.dataClass ? { dataClass: request.dataClass } : {}),
    };
    let outcome: string;
    try {
      const response = await router.chat({ messages: [{ role: 'user', content: request.prompt }], maxOutputTokens: 200 }, context);
      outcome = `→ ${response.provider}${response.routing.escalated ? ' (escalated)' : ''}`;
    } catch (error) {
      if (!SwitchyardError.isInstance(error)) throw error;
      outcome = `✗ ${error.code}`;
    }
    done++;
    write(`  [${String(done).padStart(2)}/${batch.length}] ${request.label.padEnd(28)} ${outcome}\n`);
    const record = memory.records.find((entry) => entry.id === context.requestId)!;
    rows.push({ index, label: request.label, workload: request.workload, record });
  };

  const waves: Array<{ title: string; start: number; end: number; before?: () => Promise<void> | void }> = [
    { title: 'Wave 1 — normal traffic', start: 0, end: 6 },
    {
      title: 'Wave 2 — a long batch job takes both llama.cpp slots',
      start: 6,
      end: 12,
      before: () => {
        releaseSlots = environment.llamacpp?.occupySlots(2);
      },
    },
    {
      title: 'Wave 3 — llama.cpp goes down, and the MLX host reboots',
      start: 12,
      end: 18,
      before: async () => {
        releaseSlots?.();
        await environment.llamacpp?.setDown(true);
        await environment.mlx?.setDown(true);
      },
    },
    {
      title: 'Wave 4 — both back; health probes bring them into rotation',
      start: 18,
      end: batch.length,
      before: async () => {
        await environment.llamacpp?.setDown(false);
        await environment.mlx?.setDown(false);
        // Past the cooldown, a health probe must say `ready` before traffic returns.
        await new Promise((resolve) => setTimeout(resolve, 900));
        await router.checkHealth();
      },
    },
  ];
  let releaseSlots: (() => void) | undefined;

  try {
    for (const wave of waves) {
      write(`\n${wave.title}\n`);
      await wave.before?.();
      const queue = batch.slice(wave.start, wave.end).map((request, offset) => ({ request, index: wave.start + offset }));
      await Promise.all(
        Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await run(next.request, next.index);
        }),
      );
    }
  } finally {
    await router.close();
    await environment.close();
  }

  rows.sort((a, b) => a.index - b.index);
  const records = rows.map((row) => row.record);
  const totals = summarize(records);
  const costs = summarizeCosts(records);
  write(`\n${renderTable(rows)}\n`);
  write(renderTotals(totals));
  write(`\n${formatCostSummary(costs)}`);
  const shownPath = relative(process.env.INIT_CWD ?? process.cwd(), auditPath) || auditPath;
  write(`\nAudit log: ${shownPath}\n`);
  write(`  npm run switchyard -- report ${shownPath}\n`);
  write(`  npm run switchyard -- plan ${shownPath} --hardware rtx-4090\n`);
  return { records, totals, costs, auditPath };
}
