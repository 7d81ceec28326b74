import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/index';
import { quantifierProfile, regexLiterals } from './regex-audit';

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));

describe('regular expressions are safe by construction', () => {
  const literals = regexLiterals(srcDir);

  it('finds the regexes to audit', () => {
    expect(literals.length).toBeGreaterThan(40);
  });

  it.each(literals.map((literal) => [`${literal.file.split('/src/')[1]}:${literal.line}`, literal] as const))(
    '%s has no nested unbounded repetition and bounded nesting',
    (_where, literal) => {
      const profile = quantifierProfile(literal.source);
      expect(profile.nestedUnbounded).toBe(false);
      // Repetition of repeating groups is bounded by a small product of counts.
      expect(profile.maxProduct).toBeLessThanOrEqual(1000);
      // `*`, `+` and `{n,}` only where the input is bounded (annotated in the source).
      if (profile.unbounded) expect(literal.boundedInput).toBe(true);
    },
  );

  it('profiles quantifiers correctly', () => {
    expect(quantifierProfile('(a+)+').nestedUnbounded).toBe(true);
    expect(quantifierProfile('(?:ab*)*').nestedUnbounded).toBe(true);
    expect(quantifierProfile('a{2,}').unbounded).toBe(true);
    expect(quantifierProfile('[a+]{1,5}').unbounded).toBe(false);
    expect(quantifierProfile('(?:a{1,10}){1,10}').maxProduct).toBe(100);
    expect(quantifierProfile('\\d{3}-\\d{2}').maxProduct).toBe(1);
  });
});

/** Work for an input of size n and 2n must grow no faster than linearly. */
const GENERATORS: Array<[string, (n: number) => string]> = [
  ['digits', (n) => '7'.repeat(n)],
  ['spaced digits', (n) => '4 '.repeat(n)],
  ['dashed digit groups', (n) => '123-45-'.repeat(n)],
  ['spelled digits', (n) => 'six '.repeat(n)],
  ['at signs', (n) => 'a@'.repeat(n)],
  ['email-ish', (n) => `${'a.'.repeat(n)}@${'b.'.repeat(n)}com`],
  ['privilege near-misses', (n) => 'privileged mode, counsel '.repeat(n)],
  ['confidential near-misses', (n) => 'confidential informant; '.repeat(n)],
  ['key prefixes', (n) => 'AKIA sk- ghp_ eyJ xoxb- SG. '.repeat(n)],
  ['password words', (n) => 'password password: '.repeat(n)],
  ['spelled dots', (n) => 'dot at dot '.repeat(n)],
  ['street words', (n) => '12 Park View Way Hill '.repeat(n)],
  ['names', (n) => 'Mary Ann Smith, '.repeat(n)],
  ['health words', (n) => 'patient diabetes metformin '.repeat(n)],
  ['business words', (n) => 'our margin revenue $5 '.repeat(n)],
  [
    'mixed prose',
    (n) => 'Patient Jane Roe, DOB 01/02/1960, MRN 00123456, card 4111 1111 1111 1111. '.repeat(n),
  ],
];

describe('work grows linearly with input (no catastrophic backtracking, no quadratic rules)', () => {
  const classifier = createClassifier({
    org: { codenames: ['Project Nightjar'], clients: ['Acme Widgets'], internalDomains: [] },
  });
  it.each(GENERATORS)('%s', (_name, make) => {
    classifier.classify(make(2000));
    const small = { ...classifier.lastStats };
    classifier.classify(make(4000));
    const large = { ...classifier.lastStats };
    // Scan output and recognizer steps at most double (plus slack for constant terms).
    expect(large.hits).toBeLessThanOrEqual(2.1 * small.hits + 16);
    expect(large.work).toBeLessThanOrEqual(2.1 * small.work + 64);
    expect(large.candidates).toBeLessThanOrEqual(2.1 * small.candidates + 16);
    // And recognizer work stays a small multiple of the text size.
    expect(large.work).toBeLessThanOrEqual(8 * large.scanned + 64);
  });
});
