import fc from 'fast-check';
import { createFakeProvider, type FakeProvider, type FakeStep } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  createMemoryAuditSink,
  createRouter,
  type DataClass,
  type RouterPlugin,
  type RouterResponse,
  SwitchyardError,
} from '../src/index';

const dataClass = fc.constantFrom<DataClass>('public', 'internal', 'regulated');

const step: fc.Arbitrary<FakeStep> = fc.oneof(
  fc.constant<FakeStep>('ok'),
  fc.constant<FakeStep>('ok'),
  fc
    .constantFrom(400, 401, 403, 408, 500, 502, 503, 529)
    .map((status): FakeStep => ({ fault: 'http', status })),
  fc.integer({ min: 0, max: 30 }).map((retryAfterMs): FakeStep => ({ fault: 'rate-limit', retryAfterMs })),
  fc.constant<FakeStep>({ fault: 'timeout' }),
  fc.constant<FakeStep>({ fault: 'hang' }),
  fc.constant<FakeStep>({ fault: 'hang', ignoreAbort: true }),
  fc.constant<FakeStep>({ fault: 'disconnect' }),
  fc.constant<FakeStep>({ fault: 'context-length' }),
  fc.integer({ min: 0, max: 3 }).map((afterChunks): FakeStep => ({ fault: 'cut', afterChunks })),
  fc.integer({ min: 0, max: 3 }).map((afterChunks): FakeStep => ({ fault: 'error-event', afterChunks })),
  fc.integer({ min: 0, max: 60 }).map((slowFirstTokenMs): FakeStep => ({ slowFirstTokenMs })),
);

const providerSpec = fc.record({
  steps: fc.array(step, { maxLength: 4 }),
  thereafter: step,
  health: fc.constantFrom<'ready' | 'down' | 'loading' | undefined>(undefined, 'ready', 'down', 'loading'),
  freeSlots: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  maxQueue: fc.integer({ min: 0, max: 3 }),
  logprob: fc.option(fc.double({ min: -6, max: 0, noNaN: true }), { nil: undefined }),
});

type ProviderSpec = typeof providerSpec extends fc.Arbitrary<infer T> ? T : never;

const scenario = fc.record({
  locals: fc.array(providerSpec, { minLength: 0, maxLength: 3 }),
  clouds: fc.array(providerSpec, { minLength: 1, maxLength: 3 }),
  policy: fc.record({
    defaultDataClass: dataClass,
    callerMayLower: fc.boolean(),
    overflowToCloud: fc.boolean(),
    publicPrefer: fc.constantFrom<'local' | 'cloud'>('local', 'cloud'),
    preferCloudForWorkload: fc.boolean(),
    floor: fc.option(dataClass, { nil: undefined }),
  }),
  classifier: fc.constantFrom<'none' | 'regulated' | 'internal' | 'nothing' | 'throws' | 'hangs'>(
    'none',
    'regulated',
    'internal',
    'nothing',
    'throws',
    'hangs',
  ),
  hostileJudge: fc.boolean(),
  hostileRoute: fc.boolean(),
  requests: fc.array(
    fc.record({
      dataClass: fc.option(dataClass, { nil: undefined }),
      stream: fc.boolean(),
      workload: fc.constantFrom<string | undefined>(undefined, 'work'),
      abortAfterMs: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

function build(spec: ProviderSpec, id: string, kind: 'local' | 'cloud'): FakeProvider {
  return createFakeProvider({
    id,
    kind,
    reply: `answer from ${id}`,
    script: spec.steps,
    thereafter: spec.thereafter,
    ...(spec.health ? { health: spec.health } : {}),
    ...(spec.freeSlots === undefined ? {} : { capacity: { freeSlots: spec.freeSlots } }),
    ...(spec.logprob === undefined ? {} : { logprobs: spec.logprob }),
  });
}

describe('routing invariants under random mixes (fast-check)', () => {
  it('never sends a regulated request to cloud, and ends every request in exactly one answer or one typed error', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (world) => {
        const locals = world.locals.map((spec, index) => build(spec, `local-${index}`, 'local'));
        const clouds = world.clouds.map((spec, index) => build(spec, `cloud-${index}`, 'cloud'));
        const specs = [...world.locals, ...world.clouds];
        const providers = [...locals, ...clouds];
        const cloudIds = clouds.map((cloud) => cloud.id);
        const audit = createMemoryAuditSink();
        const plugins: RouterPlugin[] = [];
        if (world.hostileJudge) {
          plugins.push({
            name: 'escalate-to-cloud',
            judge: () => ({
              escalate: true,
              to: [...cloudIds, ...locals.map((local) => local.id)],
              reason: 'unsure',
              confidence: 0.1,
            }),
            streamBuffer: () => 2,
          });
        }
        if (world.hostileRoute) {
          plugins.push({
            name: 'prefer-cloud',
            route: (draft) => draft.prefer(cloudIds, 'pre-router', 'hard prompt'),
          });
        }
        const classifiers = {
          none: undefined,
          regulated: () => ({ dataClass: 'regulated' as const, labels: ['phi'], detectors: { mrn: 1 } }),
          internal: () => ({ dataClass: 'internal' as const, labels: ['pii'], detectors: { email: 1 } }),
          nothing: () => ({ labels: [], detectors: {} }),
          throws: () => {
            throw new Error('classifier crashed');
          },
          hangs: () => new Promise<never>(() => {}),
        };
        const classifier = classifiers[world.classifier];
        const router = createRouter({
          providers,
          ...(classifier ? { classifier } : {}),
          plugins,
          audit,
          policy: {
            defaultDataClass: world.policy.defaultDataClass,
            callerMayLower: world.policy.callerMayLower,
            internal: { overflowToCloud: world.policy.overflowToCloud },
            public: { prefer: world.policy.publicPrefer },
            regulated: { requireLocalProvider: false },
            workloads: {
              work: {
                ...(world.policy.preferCloudForWorkload ? { prefer: cloudIds } : {}),
                ...(world.policy.floor ? { minDataClass: world.policy.floor } : {}),
              },
            },
          },
          providerSettings: Object.fromEntries(
            providers.map((provider, index) => [
              provider.id,
              { concurrency: specs[index]!.concurrency, maxQueue: specs[index]!.maxQueue },
            ]),
          ),
          retry: { retries: 1, minDelayMs: 0, maxDelayMs: 1, maxRetryAfterMs: 20 },
          timeouts: { attemptMs: 25, firstTokenMs: 25, idleMs: 25, totalMs: 150, classifierMs: 10 },
          circuitBreaker: { failureThreshold: 2, cooldownMs: 20 },
          probes: { healthTtlMs: 0, capacityTtlMs: 0 },
        });
        const endings = new Map<string, number>();
        router.on('response', (event) =>
          endings.set(event.requestId, (endings.get(event.requestId) ?? 0) + 1),
        );
        router.on('error', (event) => endings.set(event.requestId, (endings.get(event.requestId) ?? 0) + 1));

        const outcomes = await Promise.all(
          world.requests.map(async (request, index) => {
            const requestId = `req-${index}`;
            const controller = new AbortController();
            if (request.abortAfterMs !== undefined)
              setTimeout(() => controller.abort(), request.abortAfterMs);
            const chatRequest = {
              messages: [{ role: 'user' as const, content: `question ${requestId}` }],
              logprobs: true,
              signal: controller.signal,
            };
            const context = {
              requestId,
              ...(request.dataClass ? { dataClass: request.dataClass } : {}),
              ...(request.workload ? { workload: request.workload } : {}),
            };
            try {
              if (!request.stream) return { requestId, response: await router.chat(chatRequest, context) };
              let finished: RouterResponse | undefined;
              for await (const event of router.stream(chatRequest, context)) {
                if (event.type === 'finish') {
                  expect(finished).toBeUndefined();
                  finished = event.response;
                }
              }
              expect(finished).toBeDefined();
              return { requestId, response: finished };
            } catch (error) {
              expect(SwitchyardError.isInstance(error)).toBe(true);
              return { requestId, error };
            }
          }),
        );

        const records = new Map<string, AuditRecord>(audit.records.map((record) => [record.id, record]));
        expect(audit.records).toHaveLength(world.requests.length);
        for (const outcome of outcomes) {
          expect(endings.get(outcome.requestId)).toBe(1);
          const record = records.get(outcome.requestId)!;
          expect(record.outcome).toBe(outcome.error ? 'error' : 'success');
          if (record.dataClass === 'regulated') {
            expect(record.attempts.every((attempt) => attempt.kind === 'local')).toBe(true);
            if (outcome.response) expect(outcome.response.routing.providerKind).toBe('local');
          }
        }
        // The ground truth: what each cloud fake actually received.
        for (const cloud of clouds) {
          for (const call of cloud.calls) {
            const content = call.request.messages[0]?.content as string;
            const requestId = content.replace('question ', '');
            expect(records.get(requestId)?.dataClass).not.toBe('regulated');
          }
        }
        await router.close();
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
