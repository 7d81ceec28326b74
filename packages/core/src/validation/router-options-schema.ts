import { z } from 'zod';
import type { AuditSink } from '../audit/audit-record';
import { ConfigError } from '../errors/errors';
import type { Classifier } from '../types/classification';
import type { DataClass } from '../types/data-class';
import type { Provider, ProviderKind } from '../types/provider';
import type { RouterPlugin } from '../router/plugin';
import type { PolicyOptions, RouterOptions } from '../router/router-options';
import { describeZodError } from './format-zod-issue';

const id = z.string().min(1, 'must not be empty');
const ids = z.array(id);
const dataClass = z.enum(['public', 'internal', 'regulated']);
const ms = z.number().refine(Number.isFinite, 'must be a finite number').min(0);
const positiveMs = z.number().refine(Number.isFinite, 'must be a finite number').positive();
const count = z.number().int().min(0);
const limit = z.union([z.number().int().positive(), z.literal(Number.POSITIVE_INFINITY)]);

const isFunction = (value: unknown) => typeof value === 'function';

const provider = z.custom<Provider>(
  (value) => typeof value === 'object' && value !== null,
  'must be a provider object',
);

const isSink = (value: unknown): value is AuditSink =>
  typeof value === 'object' && value !== null && isFunction((value as AuditSink).write);

const sink = z.custom<AuditSink>(isSink, 'must be an audit sink with a write(record) function');

const auditOptions = z.strictObject({
  sinks: z.array(sink),
  includeText: z.boolean().optional(),
  includeLogprobs: z.boolean().optional(),
});

const plugin = z.custom<RouterPlugin>(
  (value) => typeof value === 'object' && value !== null && typeof (value as RouterPlugin).name === 'string',
  'must be a plugin object with a `name`',
);

const classifier = z.custom<Classifier | Classifier['classify']>(
  (value) =>
    isFunction(value) ||
    (typeof value === 'object' && value !== null && isFunction((value as Classifier).classify)),
  'must be a function or an object with a classify(request, context) function',
);

const workloadRule = z.strictObject({
  prefer: ids.optional(),
  allow: ids.optional(),
  deny: ids.optional(),
  minDataClass: dataClass.optional(),
});

const policy = z.strictObject({
  defaultDataClass: dataClass.optional(),
  callerMayLower: z.boolean().optional(),
  regulated: z
    .strictObject({ providers: ids.optional(), requireLocalProvider: z.boolean().optional() })
    .optional(),
  internal: z.strictObject({ providers: ids.optional(), overflowToCloud: z.boolean().optional() }).optional(),
  public: z
    .strictObject({ providers: ids.optional(), prefer: z.enum(['local', 'cloud']).optional() })
    .optional(),
  workloads: z.record(id, workloadRule).optional(),
});

const optionsSchema = z.strictObject({
  providers: z.array(provider).min(1, 'must hold at least one provider'),
  policy: policy.optional(),
  classifier: classifier.optional(),
  plugins: z.array(plugin).optional(),
  audit: z
    .custom<
      AuditSink | AuditSink[] | { sinks: AuditSink[]; includeText?: boolean; includeLogprobs?: boolean }
    >((value) => {
      if (Array.isArray(value)) return value.every(isSink);
      if (isSink(value)) return true;
      if (typeof value !== 'object' || value === null || !('sinks' in value)) return false;
      return auditOptions.safeParse(value).success;
    }, 'must be an audit sink (an object with write(record)), an array of sinks, or { sinks, includeText?, includeLogprobs? }')
    .optional(),
  retry: z
    .strictObject({
      retries: count.optional(),
      minDelayMs: ms.optional(),
      maxDelayMs: ms.optional(),
      factor: z.number().min(1).optional(),
      maxRetryAfterMs: ms.optional(),
    })
    .optional(),
  timeouts: z
    .strictObject({
      attemptMs: positiveMs.optional(),
      totalMs: positiveMs.optional(),
      firstTokenMs: positiveMs.optional(),
      idleMs: positiveMs.optional(),
      classifierMs: positiveMs.optional(),
      probeMs: positiveMs.optional(),
    })
    .optional(),
  providerSettings: z
    .record(id, z.strictObject({ concurrency: limit.optional(), maxQueue: count.optional() }))
    .optional(),
  circuitBreaker: z
    .strictObject({ failureThreshold: z.number().int().positive().optional(), cooldownMs: ms.optional() })
    .optional(),
  probes: z.strictObject({ healthTtlMs: ms.optional(), capacityTtlMs: ms.optional() }).optional(),
});

/** Router settings with every default filled in. */
export interface ResolvedConfig {
  providers: Provider[];
  /** Provider kinds as they were at `createRouter()`: later mutation of an adapter cannot change routing. */
  kinds: ReadonlyMap<string, ProviderKind>;
  policy: Required<Pick<PolicyOptions, 'defaultDataClass' | 'callerMayLower'>> & {
    regulatedProviders: ReadonlySet<string> | undefined;
    requireLocalProvider: boolean;
    internalProviders: ReadonlySet<string> | undefined;
    overflowToCloud: boolean;
    publicProviders: ReadonlySet<string> | undefined;
    publicPrefer: ProviderKind;
    workloads: Readonly<
      Record<
        string,
        {
          prefer: string[];
          allow: ReadonlySet<string> | undefined;
          deny: ReadonlySet<string>;
          minDataClass: DataClass | undefined;
        }
      >
    >;
  };
  classifier: Classifier | undefined;
  plugins: RouterPlugin[];
  audit: { sinks: AuditSink[]; includeText: boolean; includeLogprobs: boolean };
  retry: { retries: number; minDelayMs: number; maxDelayMs: number; factor: number; maxRetryAfterMs: number };
  timeouts: {
    attemptMs: number;
    totalMs: number;
    firstTokenMs: number;
    idleMs: number;
    classifierMs: number;
    probeMs: number;
  };
  providerSettings: ReadonlyMap<string, { concurrency: number; maxQueue: number }>;
  circuitBreaker: { failureThreshold: number; cooldownMs: number };
  probes: { healthTtlMs: number; capacityTtlMs: number };
}

function fail(field: string, message: string): never {
  throw new ConfigError({ message: `createRouter: ${field}: ${message}`, field });
}

function checkProvider(value: Provider, index: number): void {
  const field = `providers[${index}]`;
  if (typeof value.id !== 'string' || value.id.length === 0)
    fail(`${field}.id`, 'must be a non-empty string');
  if (value.kind !== 'local' && value.kind !== 'cloud') {
    fail(`${field}.kind`, `must be 'local' or 'cloud' (got ${JSON.stringify(value.kind)})`);
  }
  if (typeof value.model !== 'string') fail(`${field}.model`, 'must be a string');
  if (!isFunction(value.chat)) fail(`${field}.chat`, 'must be a function');
  if (!isFunction(value.stream)) fail(`${field}.stream`, 'must be a function');
  if (value.health !== undefined && !isFunction(value.health))
    fail(`${field}.health`, 'must be a function when set');
  if (value.capacity !== undefined && !isFunction(value.capacity)) {
    fail(`${field}.capacity`, 'must be a function when set');
  }
}

/**
 * Validates `createRouter()` options and fills defaults. Every problem is a `ConfigError` whose
 * message and `field` name the offending option.
 */
export function resolveRouterOptions(input: RouterOptions): ResolvedConfig {
  if (typeof input !== 'object' || input === null)
    fail('options', 'expected an options object with `providers`');
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) {
    const { field, message } = describeZodError('', parsed.error);
    fail(field || 'options', message.slice(message.indexOf(': ') + 2));
  }
  const options = parsed.data;
  options.providers.forEach(checkProvider);

  const kinds = new Map<string, ProviderKind>();
  const firstIndex = new Map<string, number>();
  options.providers.forEach((provider, index) => {
    const seen = firstIndex.get(provider.id);
    if (seen !== undefined)
      fail(`providers[${index}].id`, `duplicate provider id '${provider.id}' (also providers[${seen}])`);
    firstIndex.set(provider.id, index);
    kinds.set(provider.id, provider.kind);
  });
  const known = [...kinds.keys()];
  const checkIds = (field: string, list: readonly string[] | undefined) => {
    list?.forEach((providerId, index) => {
      if (!kinds.has(providerId)) {
        fail(`${field}[${index}]`, `unknown provider id '${providerId}' (known: ${known.join(', ')})`);
      }
    });
  };

  const policyInput = options.policy ?? {};
  checkIds('policy.regulated.providers', policyInput.regulated?.providers);
  policyInput.regulated?.providers?.forEach((providerId, index) => {
    if (kinds.get(providerId) !== 'local') {
      fail(
        `policy.regulated.providers[${index}]`,
        `'${providerId}' is a cloud provider; regulated data may only go to local providers`,
      );
    }
  });
  checkIds('policy.internal.providers', policyInput.internal?.providers);
  checkIds('policy.public.providers', policyInput.public?.providers);
  const workloads: ResolvedConfig['policy']['workloads'] = {};
  for (const [name, rule] of Object.entries(policyInput.workloads ?? {})) {
    checkIds(`policy.workloads.${name}.prefer`, rule.prefer);
    checkIds(`policy.workloads.${name}.allow`, rule.allow);
    checkIds(`policy.workloads.${name}.deny`, rule.deny);
    (workloads as Record<string, unknown>)[name] = {
      prefer: rule.prefer ?? [],
      allow: rule.allow ? new Set(rule.allow) : undefined,
      deny: new Set(rule.deny ?? []),
      minDataClass: rule.minDataClass,
    };
  }
  for (const providerId of Object.keys(options.providerSettings ?? {})) {
    if (!kinds.has(providerId))
      fail(`providerSettings.${providerId}`, `unknown provider id (known: ${known.join(', ')})`);
  }

  const requireLocalProvider = policyInput.regulated?.requireLocalProvider ?? true;
  const regulatedPool =
    policyInput.regulated?.providers ?? known.filter((providerId) => kinds.get(providerId) === 'local');
  if (requireLocalProvider && regulatedPool.length === 0) {
    fail(
      'providers',
      'regulated requests need at least one local provider, and none is configured; add one, or set ' +
        'policy.regulated.requireLocalProvider to false to reject every regulated request',
    );
  }

  const rawClassifier = options.classifier;
  const classifier: Classifier | undefined =
    rawClassifier === undefined
      ? undefined
      : typeof rawClassifier === 'function'
        ? { name: rawClassifier.name || 'classifier', classify: rawClassifier }
        : rawClassifier;

  const auditInput = options.audit;
  const audit =
    auditInput === undefined
      ? { sinks: [], includeText: false, includeLogprobs: false }
      : Array.isArray(auditInput)
        ? { sinks: auditInput, includeText: false, includeLogprobs: false }
        : 'sinks' in auditInput
          ? {
              sinks: auditInput.sinks,
              includeText: auditInput.includeText ?? false,
              includeLogprobs: auditInput.includeLogprobs ?? false,
            }
          : { sinks: [auditInput as AuditSink], includeText: false, includeLogprobs: false };

  const plugins = options.plugins ?? [];
  const pluginNames = new Set<string>();
  plugins.forEach((entry, index) => {
    if (pluginNames.has(entry.name)) fail(`plugins[${index}].name`, `duplicate plugin name '${entry.name}'`);
    pluginNames.add(entry.name);
  });

  const providerSettings = new Map<string, { concurrency: number; maxQueue: number }>();
  for (const provider of options.providers) {
    const settings = options.providerSettings?.[provider.id];
    providerSettings.set(provider.id, {
      concurrency: settings?.concurrency ?? (provider.kind === 'local' ? 8 : Number.POSITIVE_INFINITY),
      maxQueue: settings?.maxQueue ?? 64,
    });
  }

  const retry = {
    retries: options.retry?.retries ?? 2,
    minDelayMs: options.retry?.minDelayMs ?? 200,
    maxDelayMs: options.retry?.maxDelayMs ?? 5_000,
    factor: options.retry?.factor ?? 2,
    maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 10_000,
  };
  if (retry.maxDelayMs < retry.minDelayMs) fail('retry.maxDelayMs', 'must be at least retry.minDelayMs');

  return {
    providers: options.providers,
    kinds,
    policy: {
      defaultDataClass: policyInput.defaultDataClass ?? 'internal',
      callerMayLower: policyInput.callerMayLower ?? false,
      regulatedProviders: policyInput.regulated?.providers
        ? new Set(policyInput.regulated.providers)
        : undefined,
      requireLocalProvider,
      internalProviders: policyInput.internal?.providers
        ? new Set(policyInput.internal.providers)
        : undefined,
      overflowToCloud: policyInput.internal?.overflowToCloud ?? true,
      publicProviders: policyInput.public?.providers ? new Set(policyInput.public.providers) : undefined,
      publicPrefer: policyInput.public?.prefer ?? 'cloud',
      workloads,
    },
    classifier,
    plugins,
    audit,
    retry,
    timeouts: {
      attemptMs: options.timeouts?.attemptMs ?? 60_000,
      totalMs: options.timeouts?.totalMs ?? 300_000,
      firstTokenMs: options.timeouts?.firstTokenMs ?? 30_000,
      idleMs: options.timeouts?.idleMs ?? 60_000,
      classifierMs: options.timeouts?.classifierMs ?? 1_000,
      probeMs: options.timeouts?.probeMs ?? 1_000,
    },
    providerSettings,
    circuitBreaker: {
      failureThreshold: options.circuitBreaker?.failureThreshold ?? 3,
      cooldownMs: options.circuitBreaker?.cooldownMs ?? 30_000,
    },
    probes: {
      healthTtlMs: options.probes?.healthTtlMs ?? 5_000,
      capacityTtlMs: options.probes?.capacityTtlMs ?? 1_000,
    },
  };
}
