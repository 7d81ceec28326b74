/**
 * One scripted behaviour for one request to a simulator. Simulators share this vocabulary so a test
 * can inject the same fault into any of them.
 */
export type SimulatorStep =
  | 'ok'
  /** Answer with this HTTP status and (when given) exactly this body and headers; otherwise the provider's own error body. */
  | { status: number; body?: unknown; headers?: Record<string, string>; message?: string }
  /** The provider's own "prompt too long for the context window" error, with its real status and body. */
  | { fault: 'context-length' }
  /** Accept the request and never answer (until the client gives up). */
  | { fault: 'hang' }
  /** Destroy the connection before answering. */
  | { fault: 'drop' }
  /** Streams: stop after `afterChunks` content chunks without the finish / terminator. */
  | { fault: 'cut'; afterChunks?: number }
  /** Streams: send the provider's in-stream error after `afterChunks` content chunks. */
  | { fault: 'stream-error'; afterChunks?: number; message?: string }
  /** Answer normally, but only after `ms` (before the first byte of the body). */
  | { slowFirstTokenMs: number };

/** A queue of steps consumed one per request; `then` applies once it runs out. */
export class SimulatorScript {
  private steps: SimulatorStep[];
  private fallback: SimulatorStep;
  constructor(steps: SimulatorStep[] = [], then: SimulatorStep = 'ok') {
    this.steps = [...steps];
    this.fallback = then;
  }
  next(): SimulatorStep {
    return this.steps.shift() ?? this.fallback;
  }
  /** Replaces the remaining steps. */
  set(steps: SimulatorStep[], then: SimulatorStep = this.fallback): void {
    this.steps = [...steps];
    this.fallback = then;
  }
  push(...steps: SimulatorStep[]): void {
    this.steps.push(...steps);
  }
}
