import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

// Cases written for this package (not from the corpus), in the corpus's families, to check that the
// detectors generalize beyond the development set.
const cases: Array<[string, string[]]> = [
  [
    'Can you summarize: Mr. Alvarez (DOB 4/5/1950) came in with chest pain; troponin negative; discharged on aspirin.',
    ['phi', 'pii'],
  ],
  [
    'Reminder for Tomasz Wieczorek: your colonoscopy prep starts tomorrow; call 617-555-0123 with questions.',
    ['phi', 'pii'],
  ],
  ['Patient ID 448812, 54F, new dx of breast cancer, starting AC-T chemo.', ['phi']],
  ['My son Jaxon (born 3/3/2015) has ADHD and takes Concerta; write a note to his teacher.', ['phi', 'pii']],
  ['Draft a referral for Aleksandra Nowak, 72, atrial fibrillation on warfarin, INR 3.8.', ['phi', 'pii']],
  [
    'Her A1c is 8.1 and she is on glipizide — write a note to her daughter at marianne.k@example.org',
    ['phi', 'pii'],
  ],
  ['Wire $12,000 to account 00123456789 at First Harbor Bank.', ['npi']],
  ['Her FICO is 640 and Lena Marsh makes $52k a year — can she qualify for the mortgage?', ['npi', 'pii']],
  ['Direct deposit form: ABA 011000015 / acct 12345678', ['npi']],
  [
    'Forwarding the memo from Baker & Ross LLP re: the patent suit — privileged. Summarize key risks.',
    ['privileged'],
  ],
  [
    'Notes from call with litigation counsel: expect the motion to dismiss ruling in May; settlement range $2-3M.',
    ['privileged'],
  ],
  ["For internal use only: next year's price increase is 8% across all SKUs.", ['trade_secret']],
  ["Don't share outside the exec team: we're closing the Denver office in March.", ['trade_secret']],
  ['Our Q4 revenue will miss guidance by about 6%; draft the investor FAQ.', ['trade_secret']],
  ['The API token for Datadog is 3f2504e04f8911d39a0c0305e82c3301 — rotate it?', ['credentials']],
  ['curl -H "Authorization: Basic dXNlcjpQYXNzdzByZCE=" https://api.example.com', ['credentials']],
  ['export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', []],
  ['Ship to: Kofi Mensah, 22 Cedar Lane, Portland, OR 97201', ['pii']],
  ['Is a memo from an outside law firm automatically privileged?', []],
  ['How do I rotate a GitHub token safely?', []],
  ['Explain what a routing number is and how it differs from a SWIFT code.', []],
  ["What are the early signs of Parkinson's disease?", []],
  ['Our internal wiki says to use 4 spaces for indentation. Is that PEP 8?', []],
  ['Write a product description for our new running shoe: $129, available in March.', []],
  ['The patient portal is down; write a status page message.', []],
  ['Call me at 312-555-0177 if the delivery is late.', ['pii']],
  ['Mrs. Delgado in room 4 is allergic to penicillin; chart says MRN 55123409.', ['phi']],
  ['Counsel for the plaintiff filed a motion yesterday — what does a motion in limine do?', []],
];

const morePositives: Array<[string, string[]]> = [
  [
    'Write discharge instructions for Ramona Beckett, 68, after her hip replacement; she is on enoxaparin for 14 days.',
    ['phi', 'pii'],
  ],
  [
    'Pt Giselle Marchand, DOB 2/9/1988, G2P1 at 32 weeks with gestational diabetes, on insulin. Draft the OB note.',
    ['phi', 'pii'],
  ],
  [
    'Summarize: member ID ZXK204477193 had an MRI of the lumbar spine denied; appeal for radiculopathy.',
    ['phi'],
  ],
  [
    'Our school nurse needs a seizure action plan for Oliver Pemberton (born 05/11/2016), who takes levetiracetam.',
    ['phi', 'pii'],
  ],
  [
    'Send a reminder to (503) 555-0142: your dermatology follow-up for the biopsy results is on Tuesday.',
    ['phi', 'pii'],
  ],
  [
    'Explain these results for the letter: MRN 80044917, hemoglobin 8.2 g/dL, ferritin 6 ng/mL; start iron.',
    ['phi'],
  ],
  [
    'Fix the spreadsheet: column C has the SSNs (e.g. 512-44-7781) and column D the salaries.',
    ['npi', 'pii'],
  ],
  [
    "Reconcile Theodora Lindgren's brokerage statement: balance $84,210 as of May 31, dividends $412.",
    ['npi', 'pii'],
  ],
  ['Please pay invoice 1182 from checking account 004471829356, routing 021000021.', ['npi']],
  [
    'Kunde Matthias Brenner hat die IBAN DE75 5121 0800 1245 1261 99 angegeben; bitte Lastschrift einrichten.',
    ['npi', 'pii'],
  ],
  [
    'Attorney-client privileged — summary of our call with Harlan & Price: they think the non-solicit claim is weak.',
    ['privileged'],
  ],
  [
    'Legal asked me to pull together the Slack threads about the recall for the privilege log before the deposition.',
    ['privileged'],
  ],
  [
    'Nuestro abogado recomienda no firmar el acuerdo hasta revisar la cláusula de indemnización. Resúmelo.',
    ['privileged'],
  ],
  [
    'CONFIDENTIAL — do not forward. Q1 bookings came in at $31M, below plan; layoffs in support are likely.',
    ['trade_secret'],
  ],
  ['Make slides for the VELVET HARBOR steering committee: budget, risks, next steps.', ['trade_secret']],
  ['Prep notes for the Glenmarrow Mutual Insurance QBR next week.', ['trade_secret']],
  [
    'Internal use only: our churn model flags accounts with fewer than 3 logins a week. Explain it to CS.',
    ['trade_secret'],
  ],
  [
    'Why does boto3 ignore this? aws_access_key_id=' +
      'AKIA' +
      '5QX7TRW2MJ6DPLKE' +
      ' aws_secret_access_key=Zk2Lm9Qp8Rt7Vx6Wy5Bz4Cn3Dm2Fg1Hj0Kl9Pq8R',
    ['credentials'],
  ],
  [
    'DATABASE_URL=postgresql://etl:Sunset!Harbor42@warehouse.internal.example:5432/dw fails with SSL error',
    ['credentials'],
  ],
  [
    'Our vendor portal login: user acme_ops / pass: Qw7!rT9#zP. Can you automate the export?',
    ['credentials'],
  ],
  [
    '-----BEGIN ' +
      'PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\nwhy is this key rejected?',
    ['credentials'],
  ],
  [
    'Add Beatriz Okonjo to the mailing list: 18 Larkspur Ct, Ann Arbor, MI 48104, beatriz.o@inbox.example.net.',
    ['pii'],
  ],
  ['Hotel booking for Ingrid Sørensen, passport 912204551, arriving June 3.', ['pii']],
  ['You can reach him on plus one four one five, five five five, zero one nine eight.', ['pii']],
  ['My neighbor Declan Moriarty (declan.m@example.org) asked for the HOA minutes.', ['pii']],
];

describe('new cases in the corpus families', () => {
  it.each(morePositives)('%s', (text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });

  it.each(cases)('%s', (text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });
});
