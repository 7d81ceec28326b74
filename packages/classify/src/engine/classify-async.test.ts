import { describe, expect, it } from 'vitest';
import { createClassifier } from '../create-classifier';

describe('classifyAsync() with model-backed recognizers', () => {
  it('merges what an async recognizer finds', async () => {
    const classifier = createClassifier({
      // Generous: this test is about merging, not the time budget (a loaded machine must not fail it).
      asyncTimeoutMs: 10_000,
      asyncRecognizers: [
        {
          name: 'fake-ner',
          recognize: async (text) => {
            const start = text.indexOf('Zorblax');
            return start < 0
              ? []
              : [{ type: 'person_name', label: 'pii', start, end: start + 7, score: 0.9 }];
          },
        },
      ],
    });
    const result = await classifier.classifyAsync('Say hello to Zorblax for me.');
    expect(result.labels).toEqual(['pii']);
    expect(result.findings[0]).toMatchObject({
      type: 'person_name',
      reasons: [{ kind: 'model', name: 'fake-ner' }],
    });
  });

  it('treats a recognizer that runs out of time as regulated by default', async () => {
    const classifier = createClassifier({
      asyncTimeoutMs: 20,
      asyncRecognizers: [{ name: 'slow', recognize: () => new Promise(() => {}) }],
    });
    const result = await classifier.classifyAsync('Plan a trip to Lisbon.');
    expect(result.dataClass).toBe('regulated');
    expect(result.degraded).toEqual(['slow']);
  });

  it('can ignore failures when configured', async () => {
    const classifier = createClassifier({
      onAsyncFailure: 'ignore',
      asyncRecognizers: [
        {
          name: 'broken',
          recognize: async () => {
            throw new Error('model not loaded');
          },
        },
      ],
    });
    const result = await classifier.classifyAsync('Plan a trip to Lisbon.');
    expect(result.dataClass).toBeUndefined();
    expect(result.degraded).toEqual(['broken']);
  });

  it('makes the router hook asynchronous when async recognizers are configured', async () => {
    const classifier = createClassifier({
      asyncRecognizers: [{ name: 'none', recognize: async () => [] }],
    });
    const classification = classifier
      .forRouter()
      .classify({ messages: [{ role: 'user', content: 'hi' }] }, {});
    expect(classification).toBeInstanceOf(Promise);
    await expect(classification).resolves.toEqual({ labels: [], detectors: {} });
  });
});
