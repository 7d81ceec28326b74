import { describe, expect, it } from 'vitest';
import { labelsOf, typesOf } from '../helpers/classify';
import { breakLast, iban, spaced, withAbaCheck, withLuhn } from '../helpers/numbers';

const visa = withLuhn('453201511283036');
const mastercard = withLuhn('545454545454545');
const amex = withLuhn('37144963539843');

describe('npi family', () => {
  it.each([
    ['Luhn-valid Visa, spaced', `Charge the card on file: ${spaced(visa)}, exp 03/29, CVV 188.`, ['npi']],
    [
      'Mastercard, dashed',
      `Update billing: new Mastercard ${spaced(mastercard).replace(/ /g, '-')}, exp 06/30.`,
      ['npi'],
    ],
    [
      'Amex, 4-6-5',
      `Why did my Amex ${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)} get declined at the pump?`,
      ['npi'],
    ],
    [
      'card digits spaced one by one',
      `card number ${visa.split('').join(' ')} exp 01/29 — did I type it right?`,
      ['npi'],
    ],
    [
      'SSN with dashes + name',
      'Prepare a summary: taxpayer Winifred Benavides, SSN 458-81-6949, AGI $142,380.',
      ['npi', 'pii'],
    ],
    [
      'SSN with spaces',
      'my social is 439 53 7529 and I need to know if the IRS received my return',
      ['npi', 'pii'],
    ],
    [
      'SSN without separators after a keyword',
      'For the loan form: SSN 832737340, gross income $78,400.',
      ['npi', 'pii'],
    ],
    [
      'ITIN',
      'Client Celestine Ebersole files with ITIN 913-79-1657; her 2024 wages were $31,200.',
      ['npi', 'pii'],
    ],
    [
      'routing + account',
      `Set up direct deposit: routing ${withAbaCheck('07100001')}, checking account 239695408.`,
      ['npi'],
    ],
    [
      'German IBAN',
      `Die Lastschrift vom Konto mit der IBAN ${spaced(iban('DE', '370400440532013000'))} ist zurückgegangen.`,
      ['npi'],
    ],
    [
      'French IBAN',
      `Le salaire sera versé sur l'IBAN ${iban('FR', '30006000011234567890189')} à partir de juin.`,
      ['npi'],
    ],
    [
      'named credit score',
      "Barnaby Whitfield's credit score dropped from 742 to 618 after one missed payment on his auto loan.",
      ['npi', 'pii'],
    ],
    [
      'account number alone',
      'Reconcile account 508131922: 05/02 ACH debit $1,200.00, 05/07 ATM $200.00.',
      ['npi'],
    ],
    // New variants.
    [
      'variant: named income and balance',
      'Loan prep for Harriet Colquhoun: base salary $88,000, savings balance $14,250, requesting a $30,000 car loan.',
      ['npi', 'pii'],
    ],
    [
      'variant: card in a log line',
      `2025-04-02T10:11:12Z WARN payment.capture pan=${visa} amount=19.99 — why is the PAN logged at all?`,
      ['npi'],
    ],
    [
      'variant: Spanish IBAN',
      `Transfiere 900 € al IBAN ${iban('ES', '21000418450200051332')} antes del viernes.`,
      ['npi'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(labelsOf(text)).toEqual([...expected].sort());
  });

  it('rejects look-alikes that fail their checks', () => {
    expect(
      labelsOf(`Our DLP rule flagged ${breakLast(visa)} in the shipping logs, but it is a batch number.`),
    ).toEqual([]);
    expect(labelsOf("Write a pytest case asserting validate_ssn('000-52-3373') returns False.")).toEqual([]);
    expect(labelsOf('For QA fixtures we only use values like 666-92-9627 and 905-33-2367.')).toEqual([]);
    expect(labelsOf('Where on a paper check are the routing number and the account number printed?')).toEqual(
      [],
    );
  });

  it('lets one 9-digit run be several types, each judged by its own context', () => {
    const routing = withAbaCheck('11016378');
    expect(typesOf(`routing ${routing}`)).toContain('aba_routing');
    expect(typesOf(`account ${routing}`)).toContain('bank_account');
    expect(typesOf(`routing ${routing}`)).not.toContain('us_ssn');
  });

  it('keeps payment for care as phi, not npi', () => {
    expect(
      labelsOf(
        'Write a payment-plan letter: Priya Quarles, 6695 W Addison St, Boise, ID 83764, owes $3,412.60 for her gallbladder surgery.',
      ),
    ).toEqual(['phi', 'pii']);
  });
});
