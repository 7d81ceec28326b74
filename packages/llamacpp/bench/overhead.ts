import type { ChatRequest } from '@switchyard/core';
import {
  firstDeltaText,
  measureOverhead,
  startSimulatorWorker,
} from '../../openai-compatible/bench/measure-overhead.ts';
import { createLlamaCpp } from '../src/index.ts';

const text =
  'The deploy finished at noon and every health check passed on the first try, so the release is done.';
const simulator = await startSimulatorWorker('llamacpp', { slots: 8, reply: { text } });
const provider = createLlamaCpp({ baseURL: simulator.url, capacity: 'none' });
const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'You are a concise release assistant.' },
    { role: 'user', content: 'Summarize the deploy log in one sentence.' },
  ],
  maxOutputTokens: 64,
};
const url = `${simulator.url}/v1/chat/completions`;
const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const wire = (stream: boolean) => ({
  messages: request.messages,
  ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  max_tokens: 64,
});

const results = await measureOverhead('llama.cpp', [
  {
    name: 'chat (non-streaming), p50 latency',
    async baseline() {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(wire(false)) });
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
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(wire(true)) });
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
]);
await simulator.close();
process.exitCode = results.every((result) => result.pass) ? 0 : 1;
