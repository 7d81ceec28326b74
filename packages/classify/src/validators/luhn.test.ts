import { describe, expect, it } from 'vitest';
import { luhnValid } from './luhn';

describe('luhnValid', () => {
  it.each(['79927398713', '4111111111111111', '4023040820506773', '374384676542802', '0'])(
    'accepts %s',
    (value) => {
      expect(luhnValid(value)).toBe(true);
    },
  );
  it.each(['79927398710', '4111111111111112', '5894751465491244', '5723120488636314', '', '12a4'])(
    'rejects %s',
    (value) => {
      expect(luhnValid(value)).toBe(false);
    },
  );
});
