import { describe, expect, it } from 'vitest';
import { characterClasses, shannonEntropy } from './entropy';

describe('entropy helpers', () => {
  it('measures entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB3!')).toBe(4);
    expect(characterClasses('Bramble7043!fps')).toBe(4);
  });
});
