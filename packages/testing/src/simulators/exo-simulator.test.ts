import { describe, expect, it } from 'vitest';
import { startExoSimulator } from './exo-simulator';

// biome-ignore lint/suspicious/noExplicitAny: the test reads a raw wire body, whatever its shape.
type WireJson = any;

describe('EXO simulator', () => {
  it('places an instance after /place_instance, and lists it in /state/instances', async () => {
    await using exo = await startExoSimulator({ model: 'm', instance: false, placementDelayMs: 10 });
    expect(await (await fetch(`${exo.url}/state/instances`)).json()).toEqual({});
    const placed = await fetch(`${exo.url}/place_instance`, {
      method: 'POST',
      body: JSON.stringify({ model_id: 'm' }),
    });
    expect(await placed.json()).toMatchObject({ message: 'Command received.' });
    await expect
      .poll(async () => JSON.stringify(await (await fetch(`${exo.url}/state/instances`)).json()))
      .toContain('"modelId":"m"');
    expect(exo.placements).toBe(1);
  });

  it('requires model (422) and answers a missing instance with 404', async () => {
    await using exo = await startExoSimulator({ model: 'm' });
    const post = (body: unknown) =>
      fetch(`${exo.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ messages: [] })).status).toBe(422);
    exo.setInstance(false);
    const missing = await post({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(missing.status).toBe(404);
    expect(await (await fetch(`${exo.url}/node_id`)).json()).toMatch(/^12D3KooW/);
  });

  it('defaults top_logprobs to 5 when logprobs is on', async () => {
    await using exo = await startExoSimulator({ model: 'm', reply: { text: 'a b' } });
    const answer: WireJson = await (
      await fetch(`${exo.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], logprobs: true }),
      })
    ).json();
    expect(answer.choices[0].logprobs.content[0].top_logprobs).toHaveLength(5);
  });
});
