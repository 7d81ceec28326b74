import { describe, expect, it } from 'vitest';
import { buildKeywordAutomaton } from '../automaton/keyword-automaton';
import { buildDictionary } from '../engine/build-dictionary';
import { resolveOptions } from '../options/classifier-options';
import { createScanScratch, scanText } from './scan-text';
import { createKernel } from './scan-words-with-kernel';

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

describe('scanText compact digit data', () => {
  it('keeps each group digits, the separator before it, and a `+` before a run', () => {
    const text = 'call +1 (919) 555-0159 or 4485 2755.7351/2104';
    const result = scanText(text, automaton, createScanScratch(automaton));
    const groups: Array<{ text: string; digits: string; separator: number }> = [];
    for (let group = 0; group < result.groups.length / 2; group++) {
      const start = result.groups.get(group * 2);
      const end = result.groups.get(group * 2 + 1);
      const from = result.groupDigits.get(group);
      groups.push({
        text: text.slice(start, end),
        digits: Array.from(result.digits.data.subarray(from, from + end - start)).join(''),
        separator: result.groupSeparators.get(group),
      });
    }
    expect(groups).toEqual([
      { text: '1', digits: '1', separator: -1 },
      { text: '919', digits: '919', separator: 40 },
      { text: '555', digits: '555', separator: 41 },
      { text: '0159', digits: '0159', separator: 45 },
      { text: '4485', digits: '4485', separator: -1 },
      { text: '2755', digits: '2755', separator: 0 },
      { text: '7351', digits: '7351', separator: 46 },
      { text: '2104', digits: '2104', separator: 47 },
    ]);
    expect(result.runs.get(2)).toBe(4); // `+` before the first run
    expect(result.runs.get(5)).toBe(0);
  });
});

describe('the WebAssembly keyword pass and the JavaScript loop agree', () => {
  const dictionary = buildDictionary(
    resolveOptions({ org: { codenames: ['Project Nightjar'], clients: [], internalDomains: [] } }),
  );
  const words = [
    'privileged and confidential',
    'Attorney-Client',
    'ssn',
    'SSN:',
    'card 4111 1111 1111 1111',
    'the',
    'Patient',
    'diagnosed',
    'cholecystectomy',
    'DB_PASSWORD',
    'AKIA3T42NR3TI3FTI7JZ',
    'a@b.io',
    '$5',
    '10%',
    'Project  Nightjar',
    '12 Park View Way',
    'Mary Ann Smith,',
    'TX 75001',
    '---',
    '   ',
    '\n',
    'été',
    '4 4 4 4',
    '+1 919 555 0159',
  ];

  function texts(): string[] {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const out = ['', ' ', 'ssn', '7'.repeat(40_000), `${'a'.repeat(40_000)} ssn`, `${' '.repeat(40_000)}ssn`];
    for (let index = 0; index < 200; index++) {
      // Short texts, and long ones that cross chunks (16,384 characters) and drain the events.
      const target = index % 10 === 0 ? 17_000 + Math.floor(random() * 20_000) : Math.floor(random() * 400);
      let text = '';
      while (text.length < target)
        text += words[Math.floor(random() * words.length)] + (random() < 0.5 ? ' ' : '');
      out.push(text);
    }
    return out;
  }

  function snapshot(result: ReturnType<typeof scanText>): Record<string, number[]> {
    const lists = [
      'hits',
      'groups',
      'runs',
      'tokens',
      'ats',
      'money',
      'digits',
      'groupDigits',
      'groupSeparators',
    ] as const;
    return Object.fromEntries(
      lists.map((name) => [name, Array.from(result[name].data.subarray(0, result[name].length))]),
    );
  }

  it('on every text, with the default and with a tiny events buffer', () => {
    const kernel = createKernel(dictionary.automaton);
    const tiny = createKernel(dictionary.automaton, 64);
    // WebAssembly is part of every supported Node.js version.
    expect(kernel).not.toBeNull();
    expect(tiny).not.toBeNull();
    const javascript = createScanScratch(dictionary.automaton);
    javascript.kernel = null;
    const withKernel = createScanScratch(dictionary.automaton);
    withKernel.kernel = kernel;
    const withTiny = createScanScratch(dictionary.automaton);
    withTiny.kernel = tiny;
    let hits = 0;
    for (const text of texts()) {
      const expected = snapshot(scanText(text, dictionary.automaton, javascript));
      hits += expected.hits!.length;
      expect(snapshot(scanText(text, dictionary.automaton, withKernel))).toEqual(expected);
      expect(snapshot(scanText(text, dictionary.automaton, withTiny))).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(5_000);
  });

  it('leaves automata with patterns bounded on neither side to the JavaScript loop', () => {
    expect(
      createKernel(buildKeywordAutomaton([{ text: 'ab', leftBoundary: false, rightBoundary: false }])),
    ).toBeNull();
  });
});
