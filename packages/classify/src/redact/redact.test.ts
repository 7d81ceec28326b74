import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../create-classifier';
import { createPseudonymVault } from './pseudonym-vault';

const classifier = createClassifier();
const text = 'Add to my contacts: Felicity Kettering, (206) 555-0156, felicity.kettering@example.net.';

describe('redact()', () => {
  it('replaces pii with type tokens by default', () => {
    const result = classifier.redact(text);
    expect(result.text).toBe('Add to my contacts: Felicity Kettering, [PHONE_NUMBER], [EMAIL_ADDRESS].');
    expect(result.redacted.map((finding) => finding.type)).toEqual(['phone_number', 'email_address']);
  });

  it('masks character by character', () => {
    const result = classifier.redact('mail me at a.b@example.com', { mode: 'mask' });
    expect(result.text).toBe(`mail me at ${'*'.repeat('a.b@example.com'.length)}`);
  });

  it('pseudonymizes with stable keyed tokens and re-identifies an answer through the vault', () => {
    const vault = createPseudonymVault({ key: 'test-key' });
    const first = classifier.redact(text, { mode: 'pseudonym', vault });
    const second = classifier.redact(`Call ${'(206) 555-0156'} again`, { mode: 'pseudonym', vault });
    const phoneToken = /<PHONE_NUMBER_[0-9a-f]{8}>/.exec(first.text)![0];
    expect(second.text).toContain(phoneToken);
    expect(first.text).not.toContain('555-0156');
    const answer = `I will call ${phoneToken} and write to ${/<EMAIL_ADDRESS_[0-9a-f]{8}>/.exec(first.text)![0]}.`;
    expect(vault.reidentify(answer)).toBe(
      'I will call (206) 555-0156 and write to felicity.kettering@example.net.',
    );
    expect(vault.size).toBe(2);
  });

  it('uses different tokens under different keys', () => {
    const a = classifier.redact('a.b@example.com', {
      mode: 'pseudonym',
      vault: createPseudonymVault({ key: 'one' }),
    });
    const b = classifier.redact('a.b@example.com', {
      mode: 'pseudonym',
      vault: createPseudonymVault({ key: 'two' }),
    });
    expect(a.text).not.toBe(b.text);
  });

  it('refuses regulated labels unless allowed explicitly', () => {
    expect(() => classifier.redact('ssn 458-81-6949', { labels: ['npi'] })).toThrow(ConfigError);
    const allowed = classifier.redact('ssn 458-81-6949', { labels: ['npi'], allowRegulated: true });
    expect(allowed.text).toBe('ssn [US_SSN]');
  });

  it('rejects an unknown mode', () => {
    expect(() => classifier.redact(text, { mode: 'scramble' as 'mask' })).toThrow(ConfigError);
  });

  it('refuses text whose findings were capped', () => {
    const flood = Array.from({ length: 2100 }, (_, index) => `u${index}@example.com`).join(' ');
    expect(classifier.classify(flood).findingsCapped).toBe(true);
    expect(() => classifier.redact(flood)).toThrow(ConfigError);
  });
});
