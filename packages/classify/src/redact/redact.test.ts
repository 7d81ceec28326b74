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

  it('re-identifies a streamed answer whatever the chunk boundaries, holding back only what may be a token', () => {
    const vault = createPseudonymVault({ key: 'test-key' });
    const redacted = classifier.redact(text, { mode: 'pseudonym', vault }).text;
    const phone = /<PHONE_NUMBER_[0-9a-f]{8}>/.exec(redacted)![0];
    const email = /<EMAIL_ADDRESS_[0-9a-f]{8}>/.exec(redacted)![0];
    const answer = `Call ${phone}<${phone}> or write to ${email}; a < b and <UNKNOWN_0123abcd> stay. <EMAIL_ADDR`;
    const expected = vault.reidentify(answer);
    expect(expected).toContain('(206) 555-0156<(206) 555-0156>');
    // Every way of cutting the answer in three.
    for (let first = 0; first <= answer.length; first += 3) {
      for (let second = first; second <= answer.length; second += 5) {
        const stream = vault.reidentifyStream();
        const pieces = [answer.slice(0, first), answer.slice(first, second), answer.slice(second)].map(
          (piece) => stream.push(piece),
        );
        for (const piece of pieces) expect(piece).not.toMatch(/<(PHONE_NUMBER|EMAIL_ADDRESS)_[0-9a-f]{8}>/);
        expect(pieces.join('') + stream.flush()).toBe(expected);
      }
    }
    // Text that cannot be part of a token is never held back.
    const stream = vault.reidentifyStream();
    expect(stream.push('a < b, ')).toBe('a < b, ');
    expect(stream.push('<PHONE')).toBe('');
    expect(stream.push(' number')).toBe('<PHONE number');
    expect(stream.flush()).toBe('');
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
