import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalReply, LocalReplySource } from './openai-compatible-local-reply';
import { SimulatorScript, type SimulatorStep } from './script';
import { type RecordedRequest, type SimulatorServer, startSimulatorServer } from './simulator-server';

/** Options every local-server simulator accepts. */
export interface LocalSimulatorOptions {
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Delay before the first token (or the whole non-streaming answer), in ms. Default 0. */
  latencyMs?: number;
  /** Generation speed; streamed chunks are spaced by `1000 / tokensPerSecond` ms. Default: no delay. */
  tokensPerSecond?: number;
  /** What the server answers (text, tool calls, logprob overrides), or a function of the body. */
  reply?: LocalReplySource;
  /** Scripted faults, one per request (the shared `SimulatorStep` vocabulary). */
  script?: SimulatorStep[] | SimulatorScript;
}

/** The request a simulator handler gets: parsed body, path without query, raw URL. */
export type LocalRequest = IncomingMessage & { body: unknown; path: string };

/** What the shared runtime gives every local-server simulator. */
export interface LocalServerRuntime {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly script: SimulatorScript;
  /** Current reply source. */
  reply: LocalReplySource;
  /** Stops listening (connections are refused) or listens again on the same port. */
  setDown(down: boolean): Promise<void>;
  readonly down: boolean;
  close(): Promise<void>;
}

/** Starts the loopback server behind a local-server simulator, with a down/up switch that keeps the port. */
export async function startLocalServer(
  handler: (request: LocalRequest, response: ServerResponse) => void | Promise<void>,
  options: LocalSimulatorOptions,
): Promise<LocalServerRuntime> {
  const requests: RecordedRequest[] = [];
  const script =
    options.script instanceof SimulatorScript ? options.script : new SimulatorScript(options.script ?? []);
  const host = options.host ?? '127.0.0.1';
  const wrapped = (request: LocalRequest, response: ServerResponse) => {
    requests.push({
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers,
      body: request.body,
    });
    return handler(request, response);
  };
  let server: SimulatorServer | undefined = await startSimulatorServer(wrapped, {
    host,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  const port = server.port;
  const runtime: LocalServerRuntime = {
    url: server.url,
    port,
    requests,
    script,
    reply: options.reply ?? {},
    get down() {
      return server === undefined;
    },
    async setDown(down: boolean) {
      if (down && server) {
        const closing = server;
        server = undefined;
        await closing.close();
      } else if (!down && !server) {
        server = await startSimulatorServer(wrapped, { host, port });
      }
    },
    async close() {
      const closing = server;
      server = undefined;
      await closing?.close();
    },
  };
  return runtime;
}

/** Milliseconds between streamed tokens for a generation speed. */
export function tokenDelayMs(tokensPerSecond: number | undefined): number {
  return tokensPerSecond === undefined || tokensPerSecond <= 0 ? 0 : 1000 / tokensPerSecond;
}

/** Resolves when the client has gone away (the response closed before it ended). */
export function clientGone(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed || response.writableEnded) return resolve();
    response.once('close', () => resolve());
  });
}

/** Destroys the connection without an answer (a crashed server or a dropped link). */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
  response.destroy();
}

/** Lets what was already written reach the client, then destroys the connection (a crash mid-answer). */
export function dropAfterFlush(response: ServerResponse): void {
  const socket = response.socket;
  if (!socket) {
    response.destroy();
    return;
  }
  socket.write('', () => socket.destroy());
}

/** True for a response whose client is still there. */
export function isOpen(response: ServerResponse): boolean {
  return !response.destroyed && !response.writableEnded;
}

/** Narrowing helpers for the shared fault vocabulary. */
export function stepStatus(step: SimulatorStep): Extract<SimulatorStep, { status: number }> | undefined {
  return typeof step === 'object' && 'status' in step ? step : undefined;
}

export function stepFault(step: SimulatorStep): Extract<SimulatorStep, { fault: string }> | undefined {
  return typeof step === 'object' && 'fault' in step ? step : undefined;
}

export function stepSlowMs(step: SimulatorStep): number {
  return typeof step === 'object' && 'slowFirstTokenMs' in step ? step.slowFirstTokenMs : 0;
}

/** Where a stream stops or fails, from a `cut` / `stream-error` step. */
export function streamFault(
  step: SimulatorStep,
): { kind: 'cut' | 'stream-error'; afterChunks: number; message?: string } | undefined {
  const fault = stepFault(step);
  if (!fault || (fault.fault !== 'cut' && fault.fault !== 'stream-error')) return undefined;
  return {
    kind: fault.fault,
    afterChunks: fault.afterChunks ?? 1,
    ...(fault.fault === 'stream-error' && fault.message ? { message: fault.message } : {}),
  };
}

/** Keeps `LocalReply` importable from here for simulator files. */
export type { LocalReply };
