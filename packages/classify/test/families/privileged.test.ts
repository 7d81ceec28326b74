import { describe, expect, it } from 'vitest';
import { labelsOf } from '../helpers/classify';

describe('privileged family', () => {
  it.each([
    [
      'banner',
      "PRIVILEGED & CONFIDENTIAL — ATTORNEY-CLIENT COMMUNICATION. Summarize outside counsel's advice for the CEO in three bullets.",
      ['privileged'],
    ],
    [
      'work product banner',
      'Attorney Work Product — Prepared in Anticipation of Litigation. Organize these interview notes into a chronology.',
      ['privileged'],
    ],
    [
      'relayed counsel advice',
      'Our employment lawyer said the non-compete is probably unenforceable in California. Summarize her advice for the hiring manager.',
      ['privileged'],
    ],
    [
      'client to counsel',
      'Draft an email to our attorney asking whether we can withhold the final paycheck and what penalty exposure we would face.',
      ['privileged'],
    ],
    [
      'French banner',
      'CONFIDENTIEL — CORRESPONDANCE AVOCAT-CLIENT. Maître Garnier nous conseille de ne pas répondre à la mise en demeure.',
      ['privileged'],
    ],
    [
      'counsel recommends',
      'Counsel recommends we authorize up to $1.2M at mediation but open at $350K. Draft a memo to the board.',
      ['privileged'],
    ],
    // New variants.
    [
      'variant: GC advice on a dispute',
      'Our GC flagged that the vendor dispute could turn into litigation and recommends we preserve all Slack messages. Turn that into a team note.',
      ['privileged'],
    ],
    [
      'variant: my lawyer + settlement',
      'My lawyer told me not to accept the settlement offer until the deposition is done. Can you explain why she would say that?',
      ['privileged'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });

  it.each([
    [
      'container flag',
      'Is it dangerous to run a Docker container with --privileged just to read /dev/ttyUSB0?',
    ],
    [
      'IT access',
      'What is the difference between privileged access management and identity governance? We audit privileged accounts.',
    ],
    [
      'emotional sense',
      'Help me write a retirement toast. Key line: I feel privileged to have worked alongside our foreman for 22 years.',
    ],
    [
      'general question about the law',
      "What is attorney-client privilege, and does it still apply if the lawyer is only cc'd on an email?",
    ],
    ['generic legal question', 'What does force majeure mean in a commercial contract, in plain English?'],
  ])('is not privileged: %s', (_name, text) => {
    expect(labelsOf(text)).not.toContain('privileged');
  });
});
