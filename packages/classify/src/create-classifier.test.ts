import { ConfigError, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createClassifier } from './create-classifier';

describe('createClassifier()', () => {
  it('works with no options', () => {
    const result = createClassifier().classify('Write a haiku about autumn.');
    expect(result).toEqual({ labels: [], dataClass: undefined, findings: [], truncated: false });
  });

  it('returns findings with spans, types, scores and reasons but no matched text', () => {
    const text = 'Email felicity.kettering@example.net please';
    const [finding] = createClassifier().classify(text).findings;
    expect(finding).toMatchObject({ type: 'email_address', label: 'pii', start: 6, end: 36 });
    expect(text.slice(finding!.start, finding!.end)).toBe('felicity.kettering@example.net');
    expect(JSON.stringify(finding)).not.toContain('felicity');
  });

  it('maps labels to data classes, configurably', () => {
    expect(createClassifier().classify('mail a.b@example.com').dataClass).toBe('internal');
    expect(
      createClassifier({ dataClassMapping: { pii: 'regulated' } }).classify('mail a.b@example.com').dataClass,
    ).toBe('regulated');
  });

  it('uses the organization dictionary from options', () => {
    const classifier = createClassifier({
      org: { codenames: ['Project Bluefin'], clients: ['Acme Widgets'], internalDomains: [] },
    });
    expect(classifier.classify('Agenda for the Project Bluefin sync').labels).toEqual(['trade_secret']);
    expect(classifier.classify('Call notes: acme widgets renewal').labels).toEqual(['trade_secret']);
    expect(createClassifier().classify('Agenda for the Project Bluefin sync').labels).toEqual([]);
  });

  it('adds custom recognizers with a validator and context words', () => {
    const classifier = createClassifier({
      recognizers: [
        {
          type: 'employee_id',
          label: 'pii',
          pattern: /\bE-\d{6}\b/,
          validator: (match) => Number(match.slice(2)) % 7 === 0,
          context: ['employee'],
          score: 0.4,
          contextScore: 0.9,
        },
      ],
    });
    expect(classifier.classify('employee E-000007 badge').labels).toEqual(['pii']);
    expect(classifier.classify('ticket E-000007 badge').labels).toEqual([]);
    expect(classifier.classify('employee E-000008 badge').labels).toEqual([]);
  });

  it('adds custom dictionaries', () => {
    const classifier = createClassifier({
      dictionaries: [{ name: 'drug_pipeline', label: 'trade_secret', terms: ['VTX-221'] }],
    });
    const result = classifier.classify('Status of vtx-221 trial?');
    expect(result.labels).toEqual(['trade_secret']);
    expect(result.findings[0]).toMatchObject({
      type: 'drug_pipeline',
      reasons: [{ kind: 'dictionary', name: 'drug_pipeline' }],
    });
  });

  it('drops disabled types and honours per-label thresholds', () => {
    expect(
      createClassifier({ disabledTypes: ['email_address'] }).classify('mail a.b@example.com').labels,
    ).toEqual([]);
    expect(
      createClassifier({ labelThresholds: { pii: 0.99 } }).classify('mail a.b@example.com').labels,
    ).toEqual([]);
  });

  it('rejects bad options with ConfigError naming the field', () => {
    expect(() => createClassifier({ threshold: 2 })).toThrow(/options\.threshold/);
    expect(() => createClassifier({ org: { codenames: 'x' as unknown as string[] } })).toThrow(ConfigError);
    expect(() => createClassifier({ nope: true } as never)).toThrow(/unknown option 'nope'/);
    expect(() => createClassifier('x' as never)).toThrow(ConfigError);
  });

  it('rejects non-string input with InvalidRequestError', () => {
    const classifier = createClassifier();
    expect(() => classifier.classify(42 as unknown as string)).toThrow(InvalidRequestError);
    expect(() => classifier.classify(undefined as unknown as string)).toThrow(/text must be a string/);
  });

  it('truncates over-long input and fails toward regulated, or throws when asked to', () => {
    const long = 'hello world '.repeat(200);
    const truncated = createClassifier({ maxInputLength: 100 }).classify(long);
    expect(truncated).toMatchObject({ truncated: true, dataClass: 'regulated' });
    expect(() => createClassifier({ maxInputLength: 100, oversize: 'error' }).classify(long)).toThrow(
      InvalidRequestError,
    );
  });
});
