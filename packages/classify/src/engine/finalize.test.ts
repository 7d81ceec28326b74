import { describe, expect, it } from 'vitest';
import type { Candidate, Label } from '../types';
import { finalize, sortCandidates } from './finalize';

const LABELS: Label[] = ['phi', 'npi', 'pii'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function candidates(count: number, types: number, next: () => number): Candidate[] {
  return Array.from({ length: count }, (_, index) => {
    const start = Math.floor(next() * 200);
    return {
      type: `type_${Math.floor(next() * types)}`,
      label: LABELS[index % LABELS.length]!,
      start,
      end: start + 1 + Math.floor(next() * 12),
      score: Math.floor(next() * 4) / 4,
      reasons: [{ kind: 'pattern', name: `n${index}` }],
    };
  });
}

describe('sortCandidates', () => {
  it('orders like a stable sort by start, then score descending', () => {
    const next = random(3);
    for (const count of [0, 1, 5, 16, 17, 40, 200, 1000]) {
      const list = candidates(count, 5, next);
      // Long sorted runs, as recognizers produce them.
      if (count === 200) list.sort((a, b) => a.start - b.start);
      const expected = [...list].sort((a, b) => a.start - b.start || b.score - a.score);
      sortCandidates(list);
      expect(list).toEqual(expected);
      expect(list.every((item, index) => item === expected[index])).toBe(true);
    }
  });
});

describe('finalize', () => {
  const settings = {
    threshold: 0.5,
    labelThresholds: {},
    mapping: {
      phi: 'regulated',
      npi: 'regulated',
      privileged: 'regulated',
      trade_secret: 'regulated',
      credentials: 'regulated',
      pii: 'internal',
    } as const,
    disabledTypes: new Set<string>(),
  };

  /** The plain definition: keep, sort, merge overlapping findings of one type. */
  function reference(list: Candidate[]) {
    const kept = list
      .filter((item) => item.score >= 0.5)
      .sort((a, b) => a.start - b.start || b.score - a.score);
    const out: Array<{ type: string; start: number; end: number; score: number }> = [];
    const last = new Map<string, { type: string; start: number; end: number; score: number }>();
    for (const item of kept) {
      const previous = last.get(item.type);
      if (previous && item.start < previous.end) {
        previous.score = Math.max(previous.score, item.score);
        previous.end = Math.max(previous.end, item.end);
        continue;
      }
      const finding = { type: item.type, start: item.start, end: item.end, score: item.score };
      out.push(finding);
      last.set(item.type, finding);
    }
    return out;
  }

  it('merges overlapping findings per type, with few types and with many (past the linear search)', () => {
    const next = random(11);
    for (const types of [3, 40]) {
      const list = candidates(600, types, next);
      const { findings } = finalize(list.slice(), { text: ' '.repeat(300), map: null }, settings);
      expect(findings.map(({ type, start, end, score }) => ({ type, start, end, score }))).toEqual(
        reference(list),
      );
    }
  });
});
