import { describe, expect, it } from 'vitest';
import { labelsOf, typesOf } from '../helpers/classify';

describe('phi family', () => {
  it.each([
    // From the corpus notes: name + DOB + condition / lab / medication.
    [
      'name + DOB + genetic result',
      'Results for Rashida Esposito (DOB 1953-05-05): BRCA2 pathogenic variant c.5946delT detected. Write the patient-facing summary.',
      ['phi', 'pii'],
    ],
    [
      'mental-health note',
      'Session note for client Barnaby Holloway, DOB 1998-03-03: reports panic attacks about 3x/week, started sertraline 50 mg two weeks ago.',
      ['phi', 'pii'],
    ],
    [
      'name + phone + oncology',
      'Text Reginald Valderrama at 415-555-0174 to remind him about his chemo infusion tomorrow at 8 AM (cycle 4 of FOLFOX).',
      ['phi', 'pii'],
    ],
    [
      'MRN + diagnosis, no name',
      'Reformat for the transfer sheet: MRN 00265579, bed 4B, admitting dx community-acquired pneumonia, ceftriaxone 1 g IV q24h.',
      ['phi'],
    ],
    [
      'MBI + treatment',
      'Medicare MBI 2KH0KV3HQ68: claim denied for CPT 97110 visits. Draft the medical-necessity justification for her post-stroke gait training.',
      ['phi'],
    ],
    [
      'member ID + planned service',
      'Is member ID HAF485055258, group 543767, active for an attended sleep study (CPT 95810)? The referral lists obstructive sleep apnea.',
      ['phi'],
    ],
    [
      'name alone + admission',
      'Everett Wexler was admitted on a 72-hour hold on March 20, 2025 for acute psychosis. What can we share with his brother?',
      ['phi', 'pii'],
    ],
    // New variants (not in the corpus).
    [
      'variant: name + DOB + diabetes',
      'Please draft a follow-up letter for Lorraine Whitcombe, DOB 11/02/1967, whose HbA1c rose to 9.4%; we are adding empagliflozin 10 mg.',
      ['phi', 'pii'],
    ],
    [
      'variant: email + surgery',
      'Email gwen.ashdown@mail.example.net that her knee arthroscopy is moved to Monday and she should stop ibuprofen three days before.',
      ['phi', 'pii'],
    ],
    [
      'variant: MRN + lab trend',
      'Chart MRN 70021458: creatinine 1.9 last week, 2.4 today; potassium 5.9. Is this acute kidney injury?',
      ['phi'],
    ],
    [
      'variant: address + hospice',
      'Intake for Clement Fairbairn, 4417 Juniper Hollow Rd, Boise, ID 83702: metastatic lung cancer, morphine 5 mg PRN. Plan the first visit.',
      ['phi', 'pii'],
    ],
    [
      'variant: spelled MRN + therapy',
      'her MRN is four four one two nine eight seven three and she asked about switching from tamoxifen to letrozole',
      ['phi'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });

  it('keeps a generic medical question public', () => {
    expect(
      labelsOf('What is a typical starting dose of metformin for type 2 diabetes, and how is it titrated?'),
    ).toEqual([]);
    expect(labelsOf('How can I be more patient with my toddler during bedtime meltdowns?')).toEqual([]);
  });

  it('treats a provider NPI alone as public', () => {
    expect(
      labelsOf(
        'Our clinic lists Dr. Quentin Ashby, NPI 1909294690, as the billing provider. Is that the right field?',
      ),
    ).not.toContain('phi');
  });

  it('discounts a public figure', () => {
    expect(
      labelsOf('What illness left Franklin D. Roosevelt unable to walk unaided during his presidency?'),
    ).toEqual([]);
  });

  it('reports the detectors that fired', () => {
    expect(
      typesOf('MRN 00658122: intake for opioid use disorder, started buprenorphine/naloxone 8/2 mg BID.'),
    ).toEqual(expect.arrayContaining(['medical_record_number', 'health_information']));
  });
});
