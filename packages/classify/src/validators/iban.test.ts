import { describe, expect, it } from 'vitest';
import { isValidIban } from './iban';

describe('isValidIban', () => {
  it.each([
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'DE60 7548 0224 3913 9432 32',
    'GB08 QRBK 7515 0379 3429 75',
    'NL88 ZWEB 5013 3290 00',
    'FR76 8712 0164 0329 9850 3154 303',
    'ES3259987120449566187256',
  ])('accepts %s', (value) => {
    expect(isValidIban(value)).toBe(true);
  });
  it.each([
    ['GB82WEST12345698765433', 'mod-97'],
    ['DE8937040044053201300', 'German IBANs have 22 characters'],
    ['XX89370400440532013000', 'unknown country'],
    ['GB82-WEST-1234', 'punctuation'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidIban(value)).toBe(false);
  });
});
