import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distinctShapes, keyShape, parseSse, readRecording, recordedChunks } from './__fixtures__/recordings';
import { type AnthropicSimulator, startAnthropicSimulator } from './anthropic-simulator';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies from the wire are inspected loosely in tests.
type Json = any;
const json = (response: Response): Promise<Json> => response.json();

const HELLO = "Hello! I'm doing well, thanks for asking.";
const ask = {
  model: 'claude-sonnet-5',
  max_tokens: 256,
  messages: [{ role: 'user', content: 'How are you?' }],
};
const headers = {
  'content-type': 'application/json',
  'x-api-key': 'sk-ant-test',
  'anthropic-version': '2023-06-01',
};

async function post(simulator: AnthropicSimulator, body: unknown, extra: Record<string, string> = {}) {
  return fetch(`${simulator.baseURL}/v1/messages`, {
    method: 'POST',
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  });
}

async function events(response: Response) {
  return parseSse(await response.text()).map((event) => ({
    event: event.event,
    data: JSON.parse(event.data),
  }));
}

/** Keys only the newer recordings carry; older ones (2025 tool recordings) lack them. */
const NEWER_KEYS = ['usage.inference_geo', 'message.usage.inference_geo'];

describe('Anthropic simulator', () => {
  let simulator: AnthropicSimulator;
  beforeAll(async () => {
    simulator = await startAnthropicSimulator({
      reply: { text: HELLO },
      apiKey: 'sk-ant-test',
      minCacheableTokens: 50,
    });
  });
  afterAll(() => simulator.close());

  describe('speaks the recorded wire shapes', () => {
    it('matches anthropic-messages/anthropic-text.json key for key', async () => {
      const body = await json(await post(simulator, ask));
      expect(keyShape(body)).toEqual(
        keyShape(JSON.parse(readRecording('anthropic-messages/anthropic-text.json'))),
      );
    });

    it('matches every event kind of anthropic-messages/anthropic-text.chunks.txt, with named events', async () => {
      const received = await events(await post(simulator, { ...ask, stream: true }));
      for (const { event, data } of received) expect(event).toBe(data.type);
      expect(distinctShapes(received.map((entry) => entry.data))).toEqual(
        distinctShapes(recordedChunks('anthropic-messages/anthropic-text.chunks.txt')),
      );
      expect(received.map((entry) => entry.data.type)).toEqual([
        'message_start',
        'content_block_start',
        'ping',
        ...HELLO.split(' ').map(() => 'content_block_delta'),
        'content_block_stop',
        'message_delta',
        'message_stop',
      ]);
    });

    it('matches anthropic-json-tool.1 (tool use, JSON and stream)', async () => {
      simulator.setReply({
        toolCalls: [
          { id: 'toolu_01', name: 'json', arguments: '{"elements":[{"location":"Paris","temperature":23}]}' },
        ],
      });
      try {
        const body = await json(await post(simulator, ask));
        const recorded = JSON.parse(readRecording('anthropic-messages/anthropic-json-tool.1.json'));
        // This recording also lacks `stop_sequence`, which every other recorded message carries.
        const lacking = [...NEWER_KEYS, 'stop_sequence'];
        const ignore = (lines: string[]) =>
          lines.filter((line) => !lacking.some((key) => line.startsWith(`${key}:`)));
        expect(ignore(keyShape(body, ['input']))).toEqual(ignore(keyShape(recorded, ['input'])));
        const received = await events(await post(simulator, { ...ask, stream: true }));
        expect(
          distinctShapes(
            received.map((entry) => entry.data),
            ['input'],
            NEWER_KEYS,
          ),
        ).toEqual(
          distinctShapes(
            recordedChunks('anthropic-messages/anthropic-json-tool.1.chunks.txt'),
            ['input'],
            NEWER_KEYS,
          ),
        );
      } finally {
        simulator.setReply({ text: HELLO });
      }
    });

    it('matches anthropic-tool-no-args.chunks.txt (text, then a tool with an empty input_json_delta only)', async () => {
      simulator.setReply({
        text: "I'll update the issue list for you.",
        toolCalls: [{ id: 'toolu_02', name: 'updateIssueList', arguments: '{}' }],
      });
      try {
        const received = await events(await post(simulator, { ...ask, stream: true }));
        expect(
          distinctShapes(
            received.map((entry) => entry.data),
            ['input'],
            NEWER_KEYS,
          ),
        ).toEqual(
          distinctShapes(
            recordedChunks('anthropic-messages/anthropic-tool-no-args.chunks.txt'),
            ['input'],
            NEWER_KEYS,
          ),
        );
        const json = received.filter((entry) => entry.data.delta?.type === 'input_json_delta');
        expect(json.map((entry) => entry.data.delta.partial_json)).toEqual(['']);
      } finally {
        simulator.setReply({ text: HELLO });
      }
    });

    it('matches anthropic-refusal.json and its stream (stop_details, no content)', async () => {
      simulator.setReply({ refusal: {} });
      try {
        const body = await json(await post(simulator, ask));
        expect(keyShape(body)).toEqual(
          keyShape(JSON.parse(readRecording('anthropic-messages/anthropic-refusal.json'))),
        );
        const received = await events(await post(simulator, { ...ask, stream: true }));
        expect(distinctShapes(received.map((entry) => entry.data))).toEqual(
          distinctShapes(recordedChunks('anthropic-messages/anthropic-refusal.chunks.txt')),
        );
      } finally {
        simulator.setReply({ text: HELLO });
      }
    });
  });

  describe('validates like the API', () => {
    it('requires max_tokens', async () => {
      const { max_tokens: _omitted, ...rest } = ask;
      const response = await post(simulator, rest);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body).toMatchObject({
        type: 'error',
        error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      });
      expect(body.request_id).toBe(response.headers.get('request-id'));
    });

    it('allows at most four cache_control breakpoints', async () => {
      const marked = { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } };
      const response = await post(simulator, {
        ...ask,
        system: [marked, marked, marked],
        messages: [{ role: 'user', content: [marked, marked] }],
      });
      expect(response.status).toBe(400);
      expect((await json(response)).error.message).toBe(
        'A maximum of 4 blocks with cache_control may be provided. Found 5.',
      );
    });

    it('rejects a 1-hour breakpoint after a 5-minute one', async () => {
      const response = await post(simulator, {
        ...ask,
        system: [{ type: 'text', text: 'a', cache_control: { type: 'ephemeral' } }],
        messages: [
          {
            role: 'user',
            content: [{ type: 'text', text: 'b', cache_control: { type: 'ephemeral', ttl: '1h' } }],
          },
        ],
      });
      expect(response.status).toBe(400);
    });

    it('rejects a tool_result that answers no tool_use of the previous message', async () => {
      const response = await post(simulator, {
        ...ask,
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'ok' }] },
        ],
      });
      expect(response.status).toBe(400);
      expect((await json(response)).error.message).toContain(
        'unexpected `tool_use_id` found in `tool_result` blocks',
      );
    });

    it('takes the key as x-api-key or as a bearer token (how SDK 1.x sends it)', async () => {
      const { 'x-api-key': _key, ...rest } = headers;
      const response = await fetch(`${simulator.baseURL}/v1/messages`, {
        method: 'POST',
        headers: { ...rest, authorization: 'Bearer sk-ant-test' },
        body: JSON.stringify(ask),
      });
      expect(response.status).toBe(200);
    });

    it('requires the API key and the anthropic-version header', async () => {
      expect((await post(simulator, ask, { 'x-api-key': 'wrong' })).status).toBe(401);
      const response = await fetch(`${simulator.baseURL}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-test' },
        body: JSON.stringify(ask),
      });
      expect(response.status).toBe(400);
    });
  });

  it('simulates prompt caching: writes split by TTL, then reads', async () => {
    simulator.clearPromptCache();
    const long = 'policy '.repeat(100);
    const request = {
      ...ask,
      tools: [
        { name: 'lookup', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
      system: [{ type: 'text', text: long, cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: long, cache_control: { type: 'ephemeral' } }] },
      ],
    };
    const first = (await json(await post(simulator, request))).usage;
    expect(first.cache_read_input_tokens).toBe(0);
    expect(first.cache_creation.ephemeral_1h_input_tokens).toBeGreaterThan(0);
    expect(first.cache_creation.ephemeral_5m_input_tokens).toBeGreaterThan(0);
    expect(first.cache_creation_input_tokens).toBe(
      first.cache_creation.ephemeral_1h_input_tokens + first.cache_creation.ephemeral_5m_input_tokens,
    );
    const second = (await json(await post(simulator, request))).usage;
    expect(second.cache_creation_input_tokens).toBe(0);
    expect(second.cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    expect(second.input_tokens + second.cache_read_input_tokens).toBe(
      first.input_tokens + first.cache_creation_input_tokens,
    );
  });

  describe('scripted faults in the API format', () => {
    it('answers 529 with overloaded_error and a request-id header', async () => {
      simulator.script.set([{ status: 529 }]);
      const response = await post(simulator, ask);
      expect(response.status).toBe(529);
      expect(response.headers.get('request-id')).toMatch(/^req_011C/);
      expect(response.headers.get('anthropic-ratelimit-requests-limit')).not.toBeNull();
      expect((await json(response)).error).toEqual({ type: 'overloaded_error', message: 'Overloaded' });
    });

    it('answers 429 with rate_limit_error and retry-after', async () => {
      simulator.script.set([{ status: 429 }]);
      const response = await post(simulator, ask);
      expect(response.headers.get('retry-after')).toBe('1');
      expect((await json(response)).error.type).toBe('rate_limit_error');
    });

    it('answers 402, 413 and context-length in their real formats', async () => {
      simulator.script.set([{ status: 402 }, { status: 413 }, { fault: 'context-length' }]);
      expect((await json(await post(simulator, ask))).error.type).toBe('billing_error');
      expect((await json(await post(simulator, ask))).error.type).toBe('request_too_large');
      const tooLong = await json(await post(simulator, ask));
      expect(tooLong.error.message).toMatch(/^prompt is too long: \d+ tokens > 200000 maximum$/);
    });

    it('sends event: error mid-stream after some deltas', async () => {
      simulator.script.set([{ fault: 'stream-error', afterChunks: 2 }]);
      const received = await events(await post(simulator, { ...ask, stream: true }));
      expect(received.filter((entry) => entry.data.type === 'content_block_delta')).toHaveLength(2);
      expect(received.at(-1)).toEqual({
        event: 'error',
        data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      });
    });

    it('cuts a stream before message_delta and message_stop', async () => {
      simulator.script.set([{ fault: 'cut', afterChunks: 1 }]);
      const received = await events(await post(simulator, { ...ask, stream: true }));
      expect(received.map((entry) => entry.data.type)).toEqual([
        'message_start',
        'content_block_start',
        'ping',
        'content_block_delta',
      ]);
    });
  });

  it('lists models', async () => {
    const response = await fetch(`${simulator.baseURL}/v1/models`, { headers });
    const body = await json(response);
    expect(body.data[0]).toMatchObject({ type: 'model', id: 'claude-sonnet-5' });
    expect(body.has_more).toBe(false);
  });
});
