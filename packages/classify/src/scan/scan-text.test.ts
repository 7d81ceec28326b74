import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton } from '../automaton/keyword-automaton';
import { createScanScratch, scanText } from './scan-text';

const automaton = buildKeywordAutomaton([{ text: 'unused' }]);

function runs(text: string): Array<{ groups: string[]; flags: number }> {
  const result = scanText(text, automaton, createScanScratch(automaton));
  const out: Array<{ groups: string[]; flags: number }> = [];
  for (let index = 0; index < result.runs.length; index += 3) {
    const first = result.runs.get(index);
    const count = result.runs.get(index + 1);
    const groups: string[] = [];
    for (let group = first; group < first + count; group++) {
      groups.push(text.slice(result.groups.get(group * 2), result.groups.get(group * 2 + 1)));
    }
    out.push({ groups, flags: result.runs.get(index + 2) });
  }
  return out;
}

describe('scanText digit runs', () => {
  it('joins groups separated by short separators', () => {
    expect(runs('call (919) 555-0159 now')).toEqual([{ groups: ['919', '555', '0159'], flags: 0 }]);
    expect(runs('ssn 5 2 3 - 4 5 - 6 7 8 9.')).toEqual([
      { groups: ['5', '2', '3', '4', '5', '6', '7', '8', '9'], flags: 0 },
    ]);
  });

  it('splits runs at letters, commas and long gaps, and flags glued letters', () => {
    expect(runs('routing 110163785, account 405580951')).toEqual([
      { groups: ['110163785'], flags: 0 },
      { groups: ['405580951'], flags: 0 },
    ]);
    expect(runs('AKIA3T42 S24-72150')).toEqual([
      { groups: ['3'], flags: 3 },
      { groups: ['42'], flags: 1 },
      { groups: ['24', '72150'], flags: 1 },
    ]);
    expect(runs('12   34')).toEqual([
      { groups: ['12'], flags: 0 },
      { groups: ['34'], flags: 0 },
    ]);
  });

  it('collects mixed tokens, @ and currency signs', () => {
    const result = scanText('member YLB391366463 a@b.io $5 10%', automaton, createScanScratch(automaton));
    expect(result.tokens.length).toBe(2);
    expect(result.ats.length).toBe(1);
    expect(result.money.length).toBe(2);
  });
});
