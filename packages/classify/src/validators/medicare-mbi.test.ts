import { describe, expect, it } from 'vitest';
import { isValidMbi } from './medicare-mbi';

describe('isValidMbi', () => {
  it.each(['1EG4-TE5-MK73', '1EG4TE5MK73', '2KH0KV3HQ68', '7X43-AY7-MT24', '7PF0Q33FE06'])(
    'accepts %s',
    (value) => {
      expect(isValidMbi(value)).toBe(true);
    },
  );
  it.each([
    ['0EG4TE5MK73', 'position 1 is 1-9'],
    ['1SG4TE5MK73', 'S is never used'],
    ['1EG4TE5MK7', 'length'],
    ['11G4TE5MK73', 'position 2 is a letter'],
    ['1EGATE5MK73', 'position 4 is a digit'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidMbi(value)).toBe(false);
  });
});
