import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctShapes, keyShape, parseSse, readRecording, recordedChunks } from './__fixtures__/recordings';
import { type OpenAISimulator, startOpenAISimulator } from './openai-simulator';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies from the wire are inspected loosely in tests.
type Json = any;
const json = (response: Response): Promise<Json> => response.json();

const HOLIDAY = 'Galaxy Day is a made-up holiday.';

async function post(simulator: OpenAISimulator, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${simulator.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
    body: JSON.stringify(body),
  });
}

const ask = { model: 'gpt-4.1-nano', messages: [{ role: 'user', content: 'Invent a holiday.' }] };

describe('OpenAI simulator', () => {
  let simulator: OpenAISimulator;
  beforeAll(async () => {
    simulator = await startOpenAISimulator({ reply: { text: HOLIDAY }, apiKey: 'sk-test' });
  });
  afterAll(() => simulator.close());

  describe('speaks the recorded wire shapes', () => {
    it('matches openai-chat/openai-text.json key for key', async () => {
      simulator.script.set([]);
      const response = await post(simulator, ask);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(keyShape(body)).toEqual(keyShape(JSON.parse(readRecording('openai-chat/openai-text.json'))));
    });

    it('matches every chunk kind of openai-chat/openai-text.chunks.txt (stream_options.include_usage)', async () => {
      const response = await post(simulator, {
        ...ask,
        stream: true,
        stream_options: { include_usage: true },
      });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      const events = parseSse(await response.text());
      expect(events.at(-1)?.data).toBe('[DONE]');
      const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
      expect(distinctShapes(chunks)).toEqual(
        distinctShapes(recordedChunks('openai-chat/openai-text.chunks.txt')),
      );
      // The usage chunk comes last, after the chunk carrying finish_reason, with no choices.
      expect(chunks.at(-1).choices).toEqual([]);
      expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
      expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(HOLIDAY);
    });

    it('answers max_tokens on a reasoning model with exactly the recorded error body', async () => {
      const response = await post(simulator, { ...ask, model: 'o4-mini', max_tokens: 100 });
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual(
        JSON.parse(readRecording('openai-chat/reasoning-model-legacy-parameter-error.json')),
      );
    });
  });

  it('omits usage from chunks unless include_usage is asked for', async () => {
    const response = await post(simulator, { ...ask, stream: true });
    const chunks = parseSse(await response.text())
      .slice(0, -1)
      .map((event) => JSON.parse(event.data));
    for (const chunk of chunks) expect('usage' in chunk).toBe(false);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('refuses logprobs on a reasoning model (unsupported_parameter)', async () => {
    const response = await post(simulator, { ...ask, model: 'gpt-5-mini', logprobs: true });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error).toMatchObject({
      param: 'logprobs',
      code: 'unsupported_parameter',
      type: 'invalid_request_error',
    });
  });

  it('returns deterministic logprobs with up to top_logprobs alternatives', async () => {
    const request = { ...ask, logprobs: true, top_logprobs: 20 };
    const first = await json(await post(simulator, request));
    const second = await json(await post(simulator, request));
    const content = first.choices[0].logprobs.content;
    expect(content.map((entry: { token: string }) => entry.token).join('')).toBe(HOLIDAY);
    expect(content[0].top_logprobs).toHaveLength(20);
    expect(content[0].top_logprobs[0]).toMatchObject({
      token: content[0].token,
      logprob: content[0].logprob,
    });
    for (const entry of content) expect(entry.logprob).toBeLessThanOrEqual(0);
    expect(second.choices[0].logprobs).toEqual(first.choices[0].logprobs);
  });

  it('streams logprobs on each content chunk', async () => {
    const response = await post(simulator, { ...ask, stream: true, logprobs: true, top_logprobs: 2 });
    const chunks = parseSse(await response.text())
      .slice(0, -1)
      .map((event) => JSON.parse(event.data));
    const withLogprobs = chunks.filter((chunk) => chunk.choices[0]?.logprobs);
    expect(withLogprobs.length).toBe(HOLIDAY.split(' ').length);
    expect(withLogprobs[0].choices[0].logprobs.content[0].top_logprobs).toHaveLength(2);
  });

  it('rejects top_logprobs above 20', async () => {
    const response = await post(simulator, { ...ask, logprobs: true, top_logprobs: 21 });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('integer_above_max_value');
  });

  it("rejects a tool result that answers no assistant tool call (the API's own wording)", async () => {
    const response = await post(simulator, {
      ...ask,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'tool', tool_call_id: 'call_missing', content: '{}' },
      ],
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toContain(
      "must be a response to a preceeding message with 'tool_calls'",
    );
  });

  it('streams tool calls: id and name first, then argument pieces', async () => {
    simulator.setReply({
      toolCalls: [{ id: 'call_7', name: 'get_weather', arguments: '{"city":"Lisbon"}' }],
    });
    try {
      const response = await post(simulator, {
        ...ask,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks = parseSse(await response.text())
        .slice(0, -1)
        .map((event) => JSON.parse(event.data));
      const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
      expect(calls[0]).toMatchObject({
        index: 0,
        id: 'call_7',
        type: 'function',
        function: { name: 'get_weather' },
      });
      expect(calls.map((call: { function: { arguments: string } }) => call.function.arguments).join('')).toBe(
        '{"city":"Lisbon"}',
      );
      expect(chunks.at(-2).choices[0].finish_reason).toBe('tool_calls');
    } finally {
      simulator.setReply({ text: HOLIDAY });
    }
  });

  it('reports cached prompt tokens and reasoning tokens in usage', async () => {
    simulator.setReply({ text: HOLIDAY, cachedTokens: 4, reasoningTokens: 7 });
    try {
      const body = await json(await post(simulator, ask));
      expect(body.usage.prompt_tokens_details.cached_tokens).toBe(4);
      expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(7);
      expect(body.usage.completion_tokens).toBe(HOLIDAY.split(' ').length + 7);
    } finally {
      simulator.setReply({ text: HOLIDAY });
    }
  });

  it('answers a wrong key with the real 401 body', async () => {
    const response = await post(simulator, ask, { authorization: 'Bearer sk-wrong' });
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe('invalid_api_key');
  });

  it('lists models', async () => {
    const response = await fetch(`${simulator.baseURL}/models`, {
      headers: { authorization: 'Bearer sk-test' },
    });
    const body = await json(response);
    expect(body.object).toBe('list');
    expect(body.data[0]).toMatchObject({ object: 'model', owned_by: 'system' });
  });

  describe('scripted faults in the API format', () => {
    it('answers a bare status with the default body and x-request-id; 429 gets retry-after', async () => {
      simulator.script.set([{ status: 429 }, { status: 503, message: 'busy now' }]);
      const limited = await post(simulator, ask);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('retry-after-ms')).toBe('1000');
      expect((await json(limited)).error.code).toBe('rate_limit_exceeded');
      const busy = await post(simulator, ask);
      expect(busy.status).toBe(503);
      expect((await json(busy)).error).toEqual({
        message: 'busy now',
        type: 'server_error',
        param: null,
        code: null,
      });
    });

    it('passes an explicit body and headers through unchanged', async () => {
      simulator.script.set([
        { status: 429, body: { error: { code: 'insufficient_quota' } }, headers: { 'retry-after': '9' } },
      ]);
      const response = await post(simulator, ask);
      expect(response.headers.get('retry-after')).toBe('9');
      expect(response.headers.get('retry-after-ms')).toBeNull();
      expect(await json(response)).toEqual({ error: { code: 'insufficient_quota' } });
    });

    it('answers context-length with context_length_exceeded', async () => {
      simulator.script.set([{ fault: 'context-length' }]);
      const response = await post(simulator, ask);
      expect(response.status).toBe(400);
      expect((await json(response)).error).toMatchObject({
        code: 'context_length_exceeded',
        param: 'messages',
      });
    });

    it('cuts a stream: no finish_reason and no [DONE]', async () => {
      simulator.script.set([{ fault: 'cut', afterChunks: 2 }]);
      const response = await post(simulator, {
        ...ask,
        stream: true,
        stream_options: { include_usage: true },
      });
      const events = parseSse(await response.text());
      expect(events.some((event) => event.data === '[DONE]')).toBe(false);
      const chunks = events.map((event) => JSON.parse(event.data));
      expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBe(2);
      expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason)).toBe(false);
    });

    it('sends an in-stream error object after some chunks', async () => {
      simulator.script.set([{ fault: 'stream-error', afterChunks: 1 }]);
      const response = await post(simulator, { ...ask, stream: true });
      const events = parseSse(await response.text());
      const error = JSON.parse(events.at(-2)!.data);
      expect(error.error).toMatchObject({ type: 'server_error' });
      expect(events.at(-1)?.data).toBe('[DONE]');
    });

    it('drops the connection', async () => {
      simulator.script.set([{ fault: 'drop' }]);
      await expect(post(simulator, ask)).rejects.toThrow();
    });
  });

  it('enforces a requests-per-minute limit with 429 and retry-after', async () => {
    await using limited = await startOpenAISimulator({ rateLimit: { requestsPerMinute: 2 } });
    const first = await post(limited, ask);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    const second = await post(limited, ask);
    expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const third = await post(limited, ask);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects prompts over the configured context window', async () => {
    await using small = await startOpenAISimulator({ contextWindow: 10 });
    const response = await post(small, { ...ask, messages: [{ role: 'user', content: 'x'.repeat(200) }] });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('context_length_exceeded');
  });
});
