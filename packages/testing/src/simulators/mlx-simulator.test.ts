import { describe, expect, it } from 'vitest';
import { startMlxSimulator } from './mlx-simulator';

const chat = (url: string, body: Record<string, unknown> = {}) =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
  });

describe('mlx_lm.server simulator', () => {
  it('drops the connection on a parameter the server rejects', async () => {
    await using mlx = await startMlxSimulator();
    await expect(chat(mlx.url, { logprobs: 'yes' })).rejects.toThrow();
    await expect(chat(mlx.url, { top_logprobs: 0 })).rejects.toThrow();
    expect((await chat(mlx.url, { top_logprobs: 10 })).status).toBe(200);
  });

  it('echoes "default_model", never streams logprobs, and answers unknown paths with a plain Not Found', async () => {
    await using mlx = await startMlxSimulator({ reply: { text: 'Hi there.' } });
    expect(((await (await chat(mlx.url)).json()) as { model: string }).model).toBe('default_model');
    const streamed = await (await chat(mlx.url, { stream: true, logprobs: true })).text();
    expect(streamed).not.toContain('"logprobs"');
    expect(streamed).not.toContain('"usage"');
    const missing = await fetch(`${mlx.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not Found');
  });

  it('answers scripted statuses as {"error": "..."}', async () => {
    await using mlx = await startMlxSimulator();
    mlx.script.set([{ status: 503, message: 'Metal out of memory' }]);
    const failed = await chat(mlx.url);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: 'Metal out of memory' });
  });
});
