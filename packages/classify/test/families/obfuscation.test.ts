import { describe, expect, it } from 'vitest';
import { classifier, labelsOf } from '../helpers/classify';
import { withLuhn } from '../helpers/numbers';

const card = withLuhn('411111111111111');

describe('normalization: obfuscated formats', () => {
  it('reads full-width digits', () => {
    const fullWidth = card.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    expect(labelsOf(`card ${fullWidth} exp 01/29`)).toContain('npi');
  });

  it('ignores zero-width characters inside a number and maps the span back', () => {
    const hidden = `${card.slice(0, 8)}\u200b${card.slice(8)}`;
    const text = `card ${hidden} exp 01/29`;
    const result = classifier.classify(text);
    const finding = result.findings.find((item) => item.type === 'credit_card')!;
    expect(finding).toBeDefined();
    expect(text.slice(finding.start, finding.end)).toBe(hidden);
  });

  it('collapses spaced and dashed digit runs', () => {
    expect(labelsOf('ssn 5 2 3 - 4 5 - 6 7 8 9 on the form')).toEqual(['npi', 'pii']);
  });

  it('reads spelled-out emails', () => {
    expect(labelsOf('send the receipt to lucinda dot upshaw at post dot example dot com please')).toEqual([
      'pii',
    ]);
  });

  it('reads spelled-out phone numbers', () => {
    expect(
      labelsOf(
        'call the patient back at six four six, five five five, zero one eight six about her strep culture',
      ),
    ).toEqual(['phi', 'pii']);
  });

  it('reports spans in the original text when NFKC changes nothing but offsets matter', () => {
    const text = 'Ｎｏｔｅ：ＭＲＮ ００２６５５７９ — pneumonia, ceftriaxone 1 g';
    const result = classifier.classify(text);
    const mrn = result.findings.find((item) => item.type === 'medical_record_number')!;
    expect(text.slice(mrn.start, mrn.end)).toBe('００２６５５７９');
  });
});
