import { type ChatRequest, createMemoryAuditSink, createRouter, InvalidRequestError } from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../create-classifier';

function setup() {
  const local = createFakeProvider({ id: 'local-llm', kind: 'local', reply: 'local answer' });
  const cloud = createFakeProvider({ id: 'cloud-llm', kind: 'cloud', reply: 'cloud answer' });
  const audit = createMemoryAuditSink();
  const router = createRouter({
    providers: [local, cloud],
    classifier: createClassifier().forRouter(),
    // Unclassified text is public here, so only the classifier keeps regulated text local.
    policy: { defaultDataClass: 'public', public: { prefer: 'cloud' } },
    audit,
  });
  return { local, cloud, router, audit };
}

describe('forRouter()', () => {
  it('sends a regulated prompt to the local provider and never to the cloud', async () => {
    const { local, cloud, router } = setup();
    const response = await router.chat({
      messages: [
        {
          role: 'user',
          content: 'Patient Marisol Bellweather (DOB 01/04/1969) is 11 weeks pregnant; progesterone 9 ng/mL.',
        },
      ],
    });
    expect(response.routing.dataClass).toBe('regulated');
    expect(response.provider).toBe('local-llm');
    expect(local.calls).toHaveLength(1);
    expect(cloud.calls).toHaveLength(0);
    await router.close();
  });

  it('lets a public prompt go to the cloud', async () => {
    const { cloud, router } = setup();
    const response = await router.chat({
      messages: [{ role: 'user', content: 'Plan a 5-day Lisbon itinerary on a moderate budget.' }],
    });
    expect(response.provider).toBe('cloud-llm');
    expect(cloud.calls).toHaveLength(1);
    await router.close();
  });

  it('classifies across every message: system, earlier turns, tool calls and tool results', async () => {
    const classifier = createClassifier().forRouter();
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'You are a billing assistant.' },
        { role: 'user', content: 'Look up the customer.' },
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 't1', name: 'lookup', arguments: '{"query":"card 4251 5191 2090 0458"}' }],
        },
        {
          role: 'tool',
          toolCallId: 't1',
          content: '{"owner":"Priya Brightwater","email":"priya.b@example.com"}',
        },
        { role: 'user', content: [{ type: 'text', text: 'Summarize the record.' }] },
      ],
    };
    const classification = await classifier.classify(request, {});
    expect(classification.dataClass).toBe('regulated');
    expect(classification.labels).toEqual(expect.arrayContaining(['npi', 'pii']));
    expect(classification.detectors.credit_card).toBe(1);
    expect(classification.detectors.email_address).toBe(1);
  });

  it('reports detector counts and never the matched text', async () => {
    const { router, audit } = setup();
    await router.chat({
      messages: [{ role: 'user', content: 'my social is 439 53 7529, is my refund processed?' }],
    });
    const record = JSON.stringify(audit.records);
    expect(record).not.toContain('439 53 7529');
    expect(record).not.toContain('7529');
    const plan = await router.explain({ messages: [{ role: 'user', content: 'my social is 439 53 7529' }] });
    expect(plan.classification?.detectors).toEqual({ us_ssn: 1 });
    await router.close();
  });

  it('throws a typed error for a malformed request, which the router treats as regulated', async () => {
    const classifier = createClassifier().forRouter();
    expect(() => classifier.classify({ messages: 'nope' } as unknown as ChatRequest, {})).toThrow(
      InvalidRequestError,
    );
    const { local, cloud, router } = setup();
    const failing = createRouter({
      providers: [local, cloud],
      classifier: {
        name: 'broken',
        classify: () =>
          classifier.classify({ messages: [{ role: 'user', content: 42 }] } as unknown as ChatRequest, {}),
      },
    });
    const response = await failing.chat({ messages: [{ role: 'user', content: 'hello' }] });
    expect(response.routing.dataClass).toBe('regulated');
    expect(response.provider).toBe('local-llm');
    await failing.close();
    await router.close();
  });

  it('reports an over-long request as regulated (truncated scan)', async () => {
    const classifier = createClassifier({ maxInputLength: 1000 }).forRouter();
    const classification = await classifier.classify(
      { messages: [{ role: 'user', content: 'hello '.repeat(500) }] },
      {},
    );
    expect(classification.dataClass).toBe('regulated');
    expect(classification.detectors.truncated_input).toBe(1);
  });
});
