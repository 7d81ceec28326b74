import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../src/index';

describe('smoke', () => {
  it('routes', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud] });
    const response = await router.chat({ messages: [{ role: 'user', content: 'hi' }] });
    expect(response.provider).toBe('local');
    const events = [];
    for await (const event of router.stream({ messages: [{ role: 'user', content: 'hi' }] }, { dataClass: 'public' })) events.push(event);
    expect(events.map((e) => e.type)).toEqual(['route', 'text-delta', 'text-delta', 'text-delta', 'usage', 'finish']);
  });
});
