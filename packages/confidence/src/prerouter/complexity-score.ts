import type { ChatRequest } from '@switchyard/core';
import { GROUP_COUNT, lookupGroup, WordGroup } from './complexity-lexicon';
import { FNV_OFFSET, hashPair, hashStep } from './word-hash';

/** What the complexity score counted in a prompt. */
export interface ComplexityFeatures {
  /** Characters scanned. */
  chars: number;
  words: number;
  /** Runs of digits (quantities). */
  numbers: number;
  /** Lexicon hits per group. */
  code: number;
  math: number;
  reasoning: number;
  steps: number;
  simple: number;
  /** Code punctuation: braces, semicolons, backticks. */
  codePunctuation: number;
  /** Fenced code blocks (```). */
  fences: number;
  /** Arithmetic and comparison operators between or near digits (+ − * / = ^ % < >). */
  operators: number;
  questions: number;
  /** Numbered or bulleted list items at line starts ("1.", "2)", "-", "*"). */
  listItems: number;
}

/** The weights of the score's logit. Fixed a priori (see docs/confidence.md), not fitted to eval labels. */
export const COMPLEXITY_WEIGHTS = {
  bias: -2.5,
  /** Per doubling of length past 200 characters. */
  length: 0.5,
  code: 0.7,
  codeCap: 4,
  fence: 1.5,
  codePunctuation: 0.08,
  codePunctuationCap: 25,
  math: 0.35,
  mathCap: 6,
  numbers: 0.15,
  numbersCap: 10,
  operators: 0.1,
  operatorsCap: 10,
  reasoning: 0.6,
  reasoningCap: 4,
  steps: 0.15,
  stepsCap: 8,
  questions: 0.2,
  questionsCap: 3,
  listItems: 0.15,
  listItemsCap: 6,
  simple: -0.8,
  simpleCap: 2,
} as const;

/** A complexity score in [0, 1] (higher: harder) and what it counted. */
export interface ComplexityResult {
  score: number;
  features: ComplexityFeatures;
}

/** Scanner state carried across the messages of one request. */
interface Scan {
  features: ComplexityFeatures;
  groups: number[];
}

function newScan(): Scan {
  return {
    features: {
      chars: 0,
      words: 0,
      numbers: 0,
      code: 0,
      math: 0,
      reasoning: 0,
      steps: 0,
      simple: 0,
      codePunctuation: 0,
      fences: 0,
      operators: 0,
      questions: 0,
      listItems: 0,
    },
    groups: new Array<number>(GROUP_COUNT).fill(0),
  };
}

/** One pass over the text: hashes words as it goes (no substrings), counts marks and lexicon hits. */
function scanText(scan: Scan, text: string): void {
  const { features, groups } = scan;
  const length = text.length;
  let hash = FNV_OFFSET;
  let inWord = false;
  let previousWord = 0;
  let hasPrevious = false;
  let inNumber = false;
  let backticks = 0;
  let lineStart = true;
  features.chars += length;
  for (let index = 0; index <= length; index++) {
    const code = index < length ? text.charCodeAt(index) : 32;
    const lower = code | 32;
    if (lower >= 97 && lower <= 122) {
      hash = hashStep(hash, lower);
      inWord = true;
      inNumber = false;
      lineStart = false;
      backticks = 0;
      continue;
    }
    if (inWord) {
      inWord = false;
      features.words++;
      const group = lookupGroup(hash);
      if (group >= 0) groups[group]!++;
      if (hasPrevious) {
        const pair = lookupGroup(hashPair(previousWord, hash));
        if (pair >= 0) groups[pair]!++;
      }
      previousWord = hash;
      hasPrevious = true;
      hash = FNV_OFFSET;
    }
    if (code >= 48 && code <= 57) {
      if (!inNumber) {
        features.numbers++;
        inNumber = true;
      }
      if (lineStart && index + 1 < length) {
        const next = text.charCodeAt(index + 1);
        if (next === 46 || next === 41) features.listItems++; // "1." or "1)"
      }
      lineStart = false;
      backticks = 0;
      continue;
    }
    if (code === 46 || code === 44) {
      // A decimal point or thousands separator inside a number does not end it.
      if (!(inNumber && index + 1 < length && isDigit(text.charCodeAt(index + 1)))) inNumber = false;
    } else inNumber = false;
    switch (code) {
      case 10:
        lineStart = true;
        hasPrevious = false;
        break;
      case 123: // {
      case 125: // }
      case 59: // ;
        features.codePunctuation++;
        break;
      case 96: // `
        features.codePunctuation++;
        if (++backticks === 3) features.fences++;
        continue;
      case 43: // +
      case 42: // *
      case 47: // /
      case 61: // =
      case 94: // ^
      case 37: // %
      case 60: // <
      case 62: // >
        if (lineStart && (code === 42 || code === 43)) features.listItems++;
        else features.operators++;
        break;
      case 45: // -
        if (lineStart) features.listItems++;
        else if (index > 0 && isDigit(text.charCodeAt(index - 1))) features.operators++;
        break;
      case 63: // ?
        features.questions++;
        hasPrevious = false;
        break;
      case 33: // !
      case 58: // :
        hasPrevious = false;
        break;
      case 46: // .
        if (!(index + 1 < length && isDigit(text.charCodeAt(index + 1)))) hasPrevious = false;
        break;
    }
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) lineStart = false;
    backticks = 0;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Combines the counts into a score in [0, 1]; `bias` shifts the logit (per-workload prior). */
function finish(scan: Scan, bias: number): ComplexityResult {
  const { features, groups } = scan;
  features.code = groups[WordGroup.Code]!;
  features.math = groups[WordGroup.Math]!;
  features.reasoning = groups[WordGroup.Reasoning]!;
  features.steps = groups[WordGroup.Steps]!;
  features.simple = groups[WordGroup.Simple]!;
  const w = COMPLEXITY_WEIGHTS;
  let z = w.bias + bias;
  z += w.length * Math.max(0, Math.log2(features.chars / 200));
  z += w.code * Math.min(features.code, w.codeCap);
  z += w.fence * Math.min(features.fences, 1);
  z += w.codePunctuation * Math.min(features.codePunctuation, w.codePunctuationCap);
  z += w.math * Math.min(features.math, w.mathCap);
  z += w.numbers * Math.min(features.numbers, w.numbersCap);
  z += w.operators * Math.min(features.operators, w.operatorsCap);
  z += w.reasoning * Math.min(features.reasoning, w.reasoningCap);
  z += w.steps * Math.min(features.steps, w.stepsCap);
  z += w.questions * Math.min(features.questions, w.questionsCap);
  z += w.listItems * Math.min(features.listItems, w.listItemsCap);
  z += w.simple * Math.min(features.simple, w.simpleCap);
  return { score: 1 / (1 + Math.exp(-z)), features };
}

/**
 * A cheap complexity score of a prompt from its text alone, in one pass: length, task words (code,
 * mathematics, reasoning, multi-step markers; simple rewriting tasks count against), digits, operators,
 * code punctuation and fences, questions and list items. Higher means harder. `bias` shifts the logit.
 *
 * @example
 * complexityScore('Translate "good morning" into French.').score; // ≈ 0.04
 * complexityScore('Implement a function in Python that ... and explain why, step by step.').score; // ≈ 0.8
 */
export function complexityScore(text: string, bias = 0): ComplexityResult {
  const scan = newScan();
  scanText(scan, text);
  return finish(scan, bias);
}

/** Which messages of a request are scored. */
export type ComplexityScope = 'all-user' | 'last-user';

/** The complexity of a request's user messages (system prompts, earlier answers and tool results are left out). */
export function requestComplexity(
  request: ChatRequest,
  scope: ComplexityScope = 'all-user',
  bias = 0,
): ComplexityResult {
  const scan = newScan();
  const { messages } = request;
  let last = -1;
  for (let index = messages.length - 1; index >= 0; index--) {
    if (messages[index]!.role === 'user') {
      last = index;
      break;
    }
  }
  for (let index = scope === 'last-user' ? Math.max(last, 0) : 0; index < messages.length; index++) {
    const message = messages[index]!;
    if (message.role !== 'user') continue;
    if (typeof message.content === 'string') scanText(scan, message.content);
    else for (const part of message.content) if (part.type === 'text') scanText(scan, part.text);
  }
  return finish(scan, bias);
}
