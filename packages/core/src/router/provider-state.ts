import pLimit, { type LimitFunction } from 'p-limit';
import type { SwitchyardError } from '../errors/switchyard-error';
import type { CapacityStatus, HealthStatus, Provider, ProviderKind } from '../types/provider';
import type { Deadline } from './deadline';

/** Why a provider cannot take requests right now. */
export interface Unavailability {
  rule: 'cooldown' | 'rate-limited' | 'unhealthy';
  reason: string;
}

export type HealthListener = (
  provider: string,
  status: HealthStatus['status'] | 'cooldown',
  detail?: string,
) => void;

interface StateSettings {
  concurrency: number;
  maxQueue: number;
  failureThreshold: number;
  cooldownMs: number;
  healthTtlMs: number;
  capacityTtlMs: number;
  probeMs: number;
}

const noop = () => {};

/**
 * Runs a probe, and settles within `ms` whatever it does: a probe that throws synchronously, or
 * ignores its signal and never answers, must not stall routing.
 */
function settleWithin<T>(probe: () => Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`probe took longer than ${ms} ms`)), ms);
    timer.unref?.();
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(probe());
    } catch (error) {
      clearTimeout(timer);
      reject(error);
      return;
    }
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function isHealth(value: unknown): value is HealthStatus {
  const status = (value as HealthStatus | null)?.status;
  return status === 'ready' || status === 'loading' || status === 'down';
}

/** Errors that say the provider itself is in trouble (as opposed to the request). */
function countsAsFailure(error: SwitchyardError): boolean {
  return (
    error.code === 'provider_unavailable' || error.code === 'timeout' || error.code === 'stream_interrupted'
  );
}

/**
 * What the router knows about one provider: its concurrency slots and queue, its cooldown
 * (circuit breaker), and its last health and capacity probes.
 */
export class ProviderState {
  readonly id: string;
  readonly kind: ProviderKind;
  private readonly limit: LimitFunction | undefined;
  private active = 0;
  /** Requests that chose this provider and have not finished with it (running or about to). */
  private claimed = 0;
  private failures = 0;
  private cooldownUntil = 0;
  private trialInFlight = false;
  private rateLimitedUntil = 0;
  private health: { status: HealthStatus['status'] | 'unknown'; detail?: string; at: number } = {
    status: 'unknown',
    at: Number.NEGATIVE_INFINITY,
  };
  private capacityReport: { value: CapacityStatus | undefined; at: number; activeAtProbe: number } = {
    value: undefined,
    at: Number.NEGATIVE_INFINITY,
    activeAtProbe: 0,
  };
  private probing: Promise<void> | undefined;

  constructor(
    readonly provider: Provider,
    kind: ProviderKind,
    private readonly settings: StateSettings,
    private readonly onHealth: HealthListener,
  ) {
    this.id = provider.id;
    this.kind = kind;
    this.limit = Number.isFinite(settings.concurrency) ? pLimit(settings.concurrency) : undefined;
  }

  /** Calls in flight through this router. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.limit?.pendingCount ?? 0;
  }

  /** True when a new call would start now without waiting, by our slots and the server's report. */
  hasCapacity(): boolean {
    if (this.claimed >= this.settings.concurrency) return false;
    const report = this.capacityReport.value;
    if (!report) return true;
    if (report.queueDepth !== undefined && report.queueDepth > 0 && report.freeSlots === undefined)
      return false;
    if (report.freeSlots === undefined) return true;
    // Calls we started since the probe have taken slots the report still shows as free.
    const startedSince = Math.max(0, this.claimed - this.capacityReport.activeAtProbe);
    return report.freeSlots - startedSince > 0;
  }

  /**
   * Marks this provider as chosen by a request, synchronously, so that concurrent requests see the
   * slot as taken before the call starts. Returns the function that gives the claim back.
   */
  claim(): () => void {
    this.claimed++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.claimed--;
    };
  }

  /** True when the bounded queue cannot take another waiting call. */
  queueFull(): boolean {
    return (
      this.claimed >= this.settings.concurrency &&
      this.claimed - this.settings.concurrency >= this.settings.maxQueue
    );
  }

  /** Cooldown, rate limit or failed health probe, if any, as of `now`. */
  unavailability(now: number): Unavailability | undefined {
    if (now < this.cooldownUntil) {
      return {
        rule: 'cooldown',
        reason: `in cooldown for ${Math.ceil(this.cooldownUntil - now)} ms after repeated failures`,
      };
    }
    if (this.cooldownUntil > 0 && this.provider.health === undefined && this.trialInFlight) {
      return { rule: 'cooldown', reason: 'recovering: a trial call is in flight' };
    }
    if (now < this.rateLimitedUntil) {
      return {
        rule: 'rate-limited',
        reason: `rate-limited for ${Math.ceil(this.rateLimitedUntil - now)} ms`,
      };
    }
    if (this.health.status === 'down' || this.health.status === 'loading') {
      return {
        rule: 'unhealthy',
        reason: `${this.health.status}${this.health.detail ? `: ${this.health.detail}` : ''}`,
      };
    }
    return undefined;
  }

  /** True when a probe is due; lets the router skip an await on the hot path. */
  needsProbe(now: number): boolean {
    if (this.provider.health && (now - this.health.at >= this.settings.healthTtlMs || this.recovering(now)))
      return true;
    return (
      this.provider.capacity !== undefined && now - this.capacityReport.at >= this.settings.capacityTtlMs
    );
  }

  private recovering(now: number): boolean {
    return this.cooldownUntil > 0 && now >= this.cooldownUntil;
  }

  /** Runs due probes (coalesced: concurrent callers share one). Never throws. */
  probe(now: number, force = false): Promise<void> {
    if (this.probing) return this.probing;
    const tasks: Promise<void>[] = [];
    const { probeMs } = this.settings;
    const signal = AbortSignal.timeout(probeMs);
    const { health, capacity } = this.provider;
    if (health && (force || now - this.health.at >= this.settings.healthTtlMs || this.recovering(now))) {
      tasks.push(
        settleWithin(() => health.call(this.provider, { signal }), probeMs).then(
          (result) =>
            isHealth(result)
              ? this.setHealth(result.status, result.detail)
              : this.setHealth('down', 'health() returned something that is not a health status'),
          (error: unknown) => this.setHealth('down', error instanceof Error ? error.message : String(error)),
        ),
      );
    }
    if (capacity && (force || now - this.capacityReport.at >= this.settings.capacityTtlMs)) {
      const activeAtProbe = this.claimed;
      tasks.push(
        settleWithin(() => capacity.call(this.provider, { signal }), probeMs).then(
          (value) => {
            const valid = typeof value === 'object' && value !== null;
            this.capacityReport = { value: valid ? value : undefined, at: performance.now(), activeAtProbe };
          },
          () => {
            this.capacityReport = { value: undefined, at: performance.now(), activeAtProbe };
          },
        ),
      );
    }
    if (tasks.length === 0) return Promise.resolve();
    this.probing = Promise.all(tasks).then(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private setHealth(status: HealthStatus['status'], detail: string | undefined): void {
    const previous = this.health.status;
    this.health = { status, detail, at: performance.now() };
    if (status === 'ready' && this.cooldownUntil > 0 && performance.now() >= this.cooldownUntil) {
      this.closeBreaker('health probe ready');
      return;
    }
    if (status !== 'ready' && this.recovering(performance.now())) {
      // Still unhealthy after the cooldown: stay out for another one.
      this.cooldownUntil = performance.now() + this.settings.cooldownMs;
    }
    if (previous !== status) this.onHealth(this.id, status, detail);
  }

  private closeBreaker(detail: string): void {
    this.failures = 0;
    this.cooldownUntil = 0;
    this.trialInFlight = false;
    this.onHealth(this.id, 'ready', detail);
  }

  /**
   * Waits for a concurrency slot; resolves with its release function. A call aborted while waiting
   * rejects at once and gives its slot back the moment it would have got it.
   */
  acquire(scope: Deadline): Promise<() => void> {
    if (this.cooldownUntil > 0 && this.provider.health === undefined) this.trialInFlight = true;
    const limit = this.limit;
    if (!limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      if (scope.aborted) return reject(scope.reason);
      const unsubscribe = scope.onAbort((reason) => {
        if (settled) return;
        settled = true;
        reject(reason);
      });
      void limit(
        () =>
          new Promise<void>((releaseSlot) => {
            unsubscribe();
            if (settled) return releaseSlot();
            settled = true;
            this.active++;
            resolve(this.releaser(releaseSlot));
          }),
      );
    });
  }

  private releaser(releaseSlot: () => void = noop): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      releaseSlot();
    };
  }

  recordSuccess(): void {
    if (this.cooldownUntil > 0) this.closeBreaker('call succeeded');
    this.failures = 0;
  }

  recordFailure(error: SwitchyardError): void {
    const now = performance.now();
    if (error.code === 'rate_limited' && error.retryAfterMs !== undefined) {
      this.rateLimitedUntil = Math.max(this.rateLimitedUntil, now + error.retryAfterMs);
    }
    if (!countsAsFailure(error)) {
      this.trialInFlight = false;
      return;
    }
    this.failures++;
    if (this.cooldownUntil > 0 || this.failures >= this.settings.failureThreshold) {
      this.cooldownUntil = now + this.settings.cooldownMs;
      this.trialInFlight = false;
      this.onHealth(this.id, 'cooldown', `${this.failures} consecutive failures; last: ${error.code}`);
    }
  }

  /** A snapshot for `router.status()`. */
  snapshot(now: number) {
    return {
      provider: this.id,
      kind: this.kind,
      health: this.health.status,
      inFlight: this.active,
      queued: this.queued,
      hasCapacity: this.hasCapacity(),
      capacity: this.capacityReport.value,
      unavailable: this.unavailability(now),
      consecutiveFailures: this.failures,
    };
  }
}
