import type { DataClass } from '@switchyard/core';

/** One request of the demo batch. Every name, number and key below is synthetic. */
export interface DemoRequest {
  label: string;
  workload: 'summarize' | 'extract' | 'triage' | 'draft' | 'reason' | 'chat';
  /** The caller's data class, when the application knows it; otherwise the classifier decides. */
  dataClass?: DataClass;
  prompt: string;
}

/**
 * A realistic mixed batch: regulated (PHI, NPI, privileged, trade secrets, credentials), internal and
 * public work across six workloads. Most requests leave the class to the classifier.
 */
export const batch: DemoRequest[] = [
  {
    label: 'codename roadmap',
    workload: 'reason',
    prompt:
      'Project Nightjar launches in Q2 at a 15% discount to undercut the incumbent. Lay out the risks of that pricing strategy step by step and propose mitigations.',
  },
  {
    label: 'support ticket triage',
    workload: 'triage',
    prompt: 'Classify this ticket as billing, bug or feature request: "The export button greys out after I pick a date range longer than 90 days."',
  },
  {
    label: 'marketing tagline',
    dataClass: 'public',
    workload: 'draft',
    prompt: 'Write three short taglines for a reusable water bottle that keeps drinks cold for 24 hours.',
  },
  {
    label: 'visit note summary',
    workload: 'summarize',
    prompt:
      'Summarize for the chart: Patient Maria Alvarez (MRN 00482913, DOB 03/14/1961) seen today for follow-up of type 2 diabetes (E11.9). A1c 8.2%, up from 7.4%. Increased metformin to 1000 mg BID.',
  },
  {
    label: 'release notes draft',
    workload: 'draft',
    prompt: 'Draft internal release notes for version 4.2 of our dashboard: faster CSV export, new dark mode, fixed timezone bug in reports.',
  },
  {
    label: 'loan file extraction',
    workload: 'extract',
    prompt:
      'Extract the applicant fields as JSON: Applicant Dwayne Okafor, SSN 524-71-3398, annual income $84,500, credit score 702, requesting a $310,000 mortgage; checking account 000123456789 at routing 021000021.',
  },
  {
    label: 'physics question',
    dataClass: 'public',
    workload: 'chat',
    prompt: 'Explain in two paragraphs why the sky is blue, for a curious twelve-year-old.',
  },
  {
    label: 'deploy log with a key',
    workload: 'triage',
    prompt:
      'Why does this deploy fail? Log: boto3 client init with aws_access_key_id=AKIAQ3EGUWXN5VKLMZTP aws_secret_access_key=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 region=us-east-1 -> AccessDenied on s3:PutObject.',
  },
  {
    label: 'meeting notes summary',
    workload: 'summarize',
    prompt: 'Summarize the team sync: we agreed to move the standup to 9:30, Priya will own the onboarding docs, and the Q3 offsite is still being planned.',
  },
  {
    label: 'privileged memo',
    workload: 'summarize',
    prompt:
      'PRIVILEGED & CONFIDENTIAL — ATTORNEY-CLIENT COMMUNICATION. Summarize counsel\'s advice: our exposure in the Henley supply dispute is limited if we argue the force majeure clause; do not produce the March emails until the privilege review is done.',
  },
  {
    label: 'lab result triage',
    workload: 'triage',
    prompt: 'Flag if urgent: patient John Whitaker, potassium 6.1 mmol/L, creatinine 2.3 mg/dL, on lisinopril 20 mg daily.',
  },
  {
    label: 'product FAQ answer',
    dataClass: 'public',
    workload: 'chat',
    prompt: 'What is the difference between a Roth IRA and a traditional IRA? Keep it general.',
  },
  {
    label: 'customer email draft',
    workload: 'draft',
    dataClass: 'internal',
    prompt: 'Draft a polite reply to a customer asking when the mobile app will support offline mode. We have no date yet.',
  },
  {
    label: 'contract clause extraction',
    workload: 'extract',
    prompt: 'Extract the termination notice period and governing law from: "Either party may terminate with sixty (60) days written notice. This Agreement is governed by the laws of Delaware."',
  },
  {
    label: 'database URL question',
    workload: 'triage',
    prompt: 'The worker cannot connect with DATABASE_URL=postgres://app_user:Sup3rS3cret!@db.internal:5432/orders — is the password escaping the problem?',
  },
  {
    label: 'card dispute summary',
    workload: 'summarize',
    prompt: 'Summarize the dispute: cardholder Lena Fischer reports two charges of $412.18 on card 4111 1111 1111 1111 she did not make; account balance is now $2,904.',
  },
  {
    label: 'job post draft',
    dataClass: 'public',
    workload: 'draft',
    prompt: 'Write a job post for a senior data engineer: remote, Python and SQL, experience with streaming pipelines.',
  },
  {
    label: 'onboarding checklist',
    workload: 'draft',
    prompt: 'Turn these bullets into a friendly onboarding checklist: laptop setup, VPN, code of conduct, first pairing session.',
  },
  {
    label: 'ticket sentiment',
    workload: 'triage',
    prompt: 'Is this feedback positive or negative? "Setup took five minutes and support answered right away."',
  },
  {
    label: 'diagnosis code lookup',
    workload: 'extract',
    prompt: 'Patient Samuel Reyes, DOB 11/02/1978: extract the diagnoses and ICD-10 codes from "Assessment: essential hypertension (I10); hyperlipidemia (E78.5)."',
  },
  {
    label: 'multi-step analysis',
    workload: 'reason',
    prompt:
      'A warehouse ships 1,200 orders a day with a 2.5% error rate. Each error costs $38 to fix. A scanner system costing $90,000 would cut errors by 60%. Work out step by step the payback period in months, then discuss two non-financial factors.',
  },
  {
    label: 'trip itinerary',
    dataClass: 'public',
    workload: 'chat',
    prompt: 'Plan a relaxed two-day itinerary for Lisbon with one museum and one food market each day.',
  },
  {
    label: 'vendor comparison',
    workload: 'reason',
    dataClass: 'internal',
    prompt: 'Compare two hypothetical CI vendors on cost, speed and lock-in for a 40-engineer team: work out the three-year cost step by step, then recommend one.',
  },
  {
    label: 'wire transfer note',
    workload: 'extract',
    prompt: 'Extract the payee and amount: "Please wire $18,250 to Halvorsen Consulting, IBAN DE89 3704 0044 0532 0130 00, reference INV-2291."',
  },
];
