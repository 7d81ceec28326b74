/**
 * Local adapters' overhead against a plain `fetch` of the same request to the same loopback
 * simulator (`measureOverhead` from `@switchyard/testing` alternates the two and reports p50s).
 */
import type { ChatRequest, Provider } from '@switchyard/core';
import { measureOverhead } from '@switchyard/testing';

/**
 * The plain-fetch reference client for streams: reads the body, splits SSE frames on blank lines,
 * parses each `data:` payload as JSON and stops at the first delta with text (the least any client
 * must do to hold the first token). No validation, no error handling, no comments or CR handling.
 */
export async function firstDeltaText(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('stream ended before the first token');
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith('data: {')) {
        const chunk = JSON.parse(frame.slice(6)) as { choices?: { delta?: { content?: string | null } }[] };
        const content = chunk.choices?.[0]?.delta?.content;
        if (content) {
          await reader.cancel();
          return content;
        }
      }
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Starts a simulator in a child process; resolves with its URL and a close function. */
export async function startSimulatorWorker(
  kind: 'llamacpp' | 'mlx' | 'exo',
  options: Record<string, unknown>,
): Promise<{ url: string; close(): Promise<void> }> {
  const { fork } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = fork(fileURLToPath(new URL('./simulator-worker.ts', import.meta.url)), [
    kind,
    JSON.stringify(options),
  ]);
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
  });
  return {
    url,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      setTimeout(() => child.kill(), 2_000).unref();
      await exited;
    },
  };
}

/** What differs between the local servers' benchmarks. */
export interface LocalAdapterBench {
  title: string;
  simulator: 'llamacpp' | 'mlx' | 'exo';
  simulatorOptions?: Record<string, unknown>;
  createProvider(baseURL: string): Provider;
  /** A `model` the server needs in the body (EXO routes by it). */
  model?: string;
}

/**
 * The local adapters' benchmark: chat latency and stream time to first token through the adapter
 * against the same request sent with a plain `fetch`, to a simulator in its own process. Sets the
 * exit code from the verdicts.
 */
export async function benchLocalAdapter(bench: LocalAdapterBench): Promise<void> {
  const text =
    'The deploy finished at noon and every health check passed on the first try, so the release is done.';
  const simulator = await startSimulatorWorker(bench.simulator, {
    ...bench.simulatorOptions,
    reply: { text },
  });
  const provider = bench.createProvider(simulator.url);
  const request: ChatRequest = {
    messages: [
      { role: 'system', content: 'You are a concise release assistant.' },
      { role: 'user', content: 'Summarize the deploy log in one sentence.' },
    ],
    maxOutputTokens: 64,
  };
  const url = `${simulator.url}/v1/chat/completions`;
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const wire = (stream: boolean) =>
    JSON.stringify({
      ...(bench.model === undefined ? {} : { model: bench.model }),
      messages: request.messages,
      ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      max_tokens: 64,
    });
  const results = await measureOverhead(
    bench.title,
    [
      {
        name: 'chat (non-streaming), p50 latency',
        async baseline() {
          const response = await fetch(url, { method: 'POST', headers, body: wire(false) });
          const body = (await response.json()) as { choices: { message: { content: string } }[] };
          if (body.choices[0]?.message.content !== text) throw new Error('unexpected answer');
        },
        async adapter() {
          const response = await provider.chat(request);
          if (response.text !== text) throw new Error('unexpected answer');
        },
      },
      {
        name: 'stream, time to first token',
        async baseline() {
          const response = await fetch(url, { method: 'POST', headers, body: wire(true) });
          if ((await firstDeltaText(response)) !== 'The') throw new Error('unexpected first token');
        },
        async adapter() {
          for await (const event of provider.stream(request)) {
            if (event.type !== 'text-delta') continue;
            if (event.text !== 'The') throw new Error('unexpected first token');
            break;
          }
        },
      },
    ],
    { baselineLabel: 'fetch' },
  );
  await simulator.close();
  process.exitCode = results.every((result) => result.pass) ? 0 : 1;
}
