import { describe, expect, it } from 'vitest';
import { lexiconEntries, LEXICON_HASHES } from './complexity-lexicon';
import { complexityScore, requestComplexity } from './complexity-score';

describe('complexityScore', () => {
  it('counts words, numbers, lexicon groups and marks in one pass', () => {
    const { features } = complexityScore(
      'First, calculate how many apples remain: 12 + 3.5 each?\n1. Write a python function `f()` {}\n- then explain why.',
    );
    expect(features.numbers).toBe(3); // 12, 3.5, 1
    expect(features.math).toBe(2); // calculate, how many ('remain' is not 'remaining')
    expect(features.code).toBe(2); // python, function
    expect(features.reasoning).toBe(2); // explain why (phrase) + why
    expect(features.steps).toBe(3); // first, each, then
    expect(features.operators).toBe(1); // +
    expect(features.codePunctuation).toBe(4); // ` ` { }
    expect(features.questions).toBe(1);
    expect(features.listItems).toBe(2); // "1." and "-"
    expect(features.chars).toBe(111);
  });

  it('ranks clearly hard prompts above clearly easy ones', () => {
    const easy = [
      'Hi! Thanks for your help.',
      'Translate "good morning" into French.',
      'Summarize this paragraph in one sentence: The meeting moved to Tuesday.',
      'Write a short poem about autumn leaves.',
    ];
    const hard = [
      'Prove that there are infinitely many primes, step by step.',
      'Implement a function in Python that returns the longest palindromic substring in O(n^2) time, and explain why it is correct.',
      'A train leaves at 3:15 pm at 60 km/h; a second leaves at 4:00 pm at 80 km/h. How long until the second catches up, and how far from the station? Show each step.',
      '```ts\nfunction f(a: number[]) { return a.reduce((x, y) => x + y, 0); }\n```\nWhy does this fail for an empty array of bigint?',
    ];
    const maxEasy = Math.max(...easy.map((prompt) => complexityScore(prompt).score));
    const minHard = Math.min(...hard.map((prompt) => complexityScore(prompt).score));
    expect(minHard).toBeGreaterThan(maxEasy);
  });

  it('stays in [0, 1], grows with length, and takes a bias', () => {
    const short = complexityScore('Explain the result.').score;
    const long = complexityScore('Explain the result. '.repeat(100)).score;
    expect(long).toBeGreaterThan(short);
    expect(complexityScore('', 100).score).toBeLessThanOrEqual(1);
    expect(complexityScore('x', -100).score).toBeGreaterThanOrEqual(0);
    expect(complexityScore('Explain the result.', 1).score).toBeGreaterThan(short);
  });

  it('matches whole words only, case-insensitively', () => {
    expect(complexityScore('CODE Code code').features.code).toBe(3);
    expect(complexityScore('codes encoded barcode').features.code).toBe(0);
  });

  it('has no hash collisions in its lexicon', () => {
    const entries = Object.values(lexiconEntries()).flat();
    expect(LEXICON_HASHES.size).toBe(new Set(entries).size);
  });
});

describe('requestComplexity', () => {
  const request = {
    messages: [
      { role: 'system' as const, content: 'You are a helpful assistant. '.repeat(50) },
      { role: 'user' as const, content: 'Implement quicksort in Rust.' },
      { role: 'assistant' as const, content: 'Here it is: ...' },
      { role: 'user' as const, content: [{ type: 'text' as const, text: 'Thanks!' }] },
    ],
  };

  it('scores user messages only, all of them or the last', () => {
    const all = requestComplexity(request);
    expect(all.features.code).toBe(2); // implement, rust
    expect(all.features.chars).toBe('Implement quicksort in Rust.'.length + 'Thanks!'.length);
    const last = requestComplexity(request, 'last-user');
    expect(last.features.code).toBe(0);
    expect(last.features.simple).toBe(1);
    expect(last.score).toBeLessThan(all.score);
  });
});
