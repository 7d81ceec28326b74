import { describe, expect, it } from 'vitest';
import { cardNetwork, isValidCardNumber } from './card-issuer';

describe('card numbers', () => {
  it.each([
    ['4251519120900458', 'visa'],
    ['4859404294733', 'visa'],
    ['2560212070173264', 'mastercard'],
    ['5422375985144802', 'mastercard'],
    ['374384676542802', 'amex'],
    ['347376143817811', 'amex'],
    ['3531761739104775', 'jcb'],
    ['36871526890738', 'diners'],
    ['6011111111111117', 'discover'],
  ])('accepts %s as %s', (digits, network) => {
    expect(cardNetwork(digits)).toBe(network);
    expect(isValidCardNumber(digits)).toBe(true);
  });
  it.each([
    ['5894751465491244', 'Luhn fails'],
    ['5723120488636314', 'Luhn fails'],
    ['9781390062045', 'ISBN prefix is no issuer'],
    ['4111111111111', 'Luhn fails at 13 digits'],
    ['37438467654280', 'Amex needs 15 digits'],
    ['1234567812345670', 'no issuer starts with 1'],
  ])('rejects %s (%s)', (digits) => {
    expect(isValidCardNumber(digits)).toBe(false);
  });
});
