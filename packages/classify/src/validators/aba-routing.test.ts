import { describe, expect, it } from 'vitest';
import { isValidAbaRouting } from './aba-routing';

describe('isValidAbaRouting', () => {
  it.each(['011000015', '021000021', '110163785', '321859587', '102189010', '034217490'])(
    'accepts %s',
    (value) => {
      expect(isValidAbaRouting(value)).toBe(true);
    },
  );
  it.each([
    ['011000016', 'checksum'],
    ['110163786', 'checksum'],
    ['500000005', 'prefix 50 is not a Federal Reserve district'],
    ['000000000', 'all zeros'],
    ['12345678', 'length'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidAbaRouting(value)).toBe(false);
  });
});
