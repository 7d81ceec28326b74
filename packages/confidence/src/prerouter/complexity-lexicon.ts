import { hashPair, hashWord } from './word-hash';

/** Word groups the complexity score counts. */
export const WordGroup = { Code: 0, Math: 1, Reasoning: 2, Steps: 3, Simple: 4 } as const;
export type WordGroup = (typeof WordGroup)[keyof typeof WordGroup];

export const GROUP_COUNT = 5;

/**
 * The lexicon, chosen from general knowledge of what small models find hard (code, mathematics,
 * multi-step reasoning) and easy (rewriting, summarizing, short creative writing, greetings) — not
 * fitted to any evaluation set. Phrases are two words.
 */
const LEXICON: Record<WordGroup, readonly string[]> = {
  [WordGroup.Code]: [
    'code',
    'program',
    'programming',
    'function',
    'functions',
    'implement',
    'implementation',
    'algorithm',
    'algorithms',
    'python',
    'javascript',
    'typescript',
    'java',
    'rust',
    'golang',
    'cpp',
    'sql',
    'regex',
    'compile',
    'compiler',
    'debug',
    'bug',
    'refactor',
    'api',
    'json',
    'html',
    'css',
    'recursion',
    'recursive',
    'complexity',
    'runtime',
    'def',
    'return',
    'const',
    'println',
    'printf',
    'struct',
    'lambda',
    'async',
    'await',
    'docker',
    'kubernetes',
    'bash',
    'shell',
    'script',
    'database',
    'query',
    'array',
    'linked list',
    'binary search',
    'data structure',
    'time complexity',
    'unit test',
  ],
  [WordGroup.Math]: [
    'calculate',
    'compute',
    'solve',
    'equation',
    'equations',
    'probability',
    'integral',
    'derivative',
    'theorem',
    'math',
    'mathematical',
    'percent',
    'percentage',
    'ratio',
    'average',
    'sum',
    'total',
    'fraction',
    'twice',
    'half',
    'triple',
    'remaining',
    'profit',
    'interest',
    'rate',
    'speed',
    'area',
    'volume',
    'perimeter',
    'radius',
    'triangle',
    'prime',
    'factor',
    'multiply',
    'divide',
    'divided',
    'minus',
    'plus',
    'times',
    'sqrt',
    'polynomial',
    'matrix',
    'vector',
    'expected value',
    'how many',
    'how much',
    'how long',
    'how far',
    'more than',
    'less than',
    'per',
  ],
  [WordGroup.Reasoning]: [
    'prove',
    'proof',
    'derive',
    'deduce',
    'infer',
    'logic',
    'logical',
    'puzzle',
    'riddle',
    'reasoning',
    'reason',
    'why',
    'analyze',
    'analyse',
    'evaluate',
    'compare',
    'contrast',
    'justify',
    'critique',
    'tradeoffs',
    'trade-offs',
    'implications',
    'hypothesis',
    'assume',
    'assuming',
    'suppose',
    'therefore',
    'consequently',
    'whether',
    'explain why',
    'step by',
    'think through',
  ],
  [WordGroup.Steps]: [
    'first',
    'then',
    'next',
    'after',
    'afterwards',
    'finally',
    'second',
    'third',
    'additionally',
    'also',
    'if',
    'while',
    'until',
    'each',
    'every',
    'before',
    'both',
    'instead',
    'otherwise',
  ],
  [WordGroup.Simple]: [
    'summarize',
    'summarise',
    'summary',
    'translate',
    'translation',
    'rewrite',
    'rephrase',
    'paraphrase',
    'shorten',
    'list',
    'classify',
    'extract',
    'define',
    'definition',
    'hello',
    'hi',
    'thanks',
    'thank',
    'poem',
    'haiku',
    'story',
    'email',
    'letter',
    'blog',
    'tweet',
    'slogan',
    'title',
    'headline',
    'joke',
    'describe',
    'draft',
    'compose',
    'greet',
    'spell',
    'capital',
    'synonym',
    'synonyms',
    'fix grammar',
  ],
};

/** Hash of a word or two-word phrase → its group. Built once; collisions are checked. */
export const LEXICON_HASHES: ReadonlyMap<number, WordGroup> = buildHashes();

// An open-addressing table (hash → group + 1, 0 = empty) answers the per-word lookup without a Map.
const TABLE_BITS = 11;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const KEYS = new Uint32Array(1 << TABLE_BITS);
const GROUPS = new Uint8Array(1 << TABLE_BITS);
for (const [hash, group] of LEXICON_HASHES) {
  let slot = hash & TABLE_MASK;
  while (GROUPS[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  KEYS[slot] = hash;
  GROUPS[slot] = group + 1;
}

/** The group of a word or phrase hash, or -1. */
export function lookupGroup(hash: number): number {
  let slot = hash & TABLE_MASK;
  for (;;) {
    const group = GROUPS[slot]!;
    if (group === 0) return -1;
    if (KEYS[slot] === hash) return group - 1;
    slot = (slot + 1) & TABLE_MASK;
  }
}

function buildHashes(): Map<number, WordGroup> {
  const table = new Map<number, WordGroup>();
  const seen = new Map<number, string>();
  for (const [groupKey, words] of Object.entries(LEXICON)) {
    const group = Number(groupKey) as WordGroup;
    for (const entry of words) {
      const parts = entry.split(/[\s-]+/);
      const hash =
        parts.length === 1 ? hashWord(parts[0]!) : hashPair(hashWord(parts[0]!), hashWord(parts[1]!));
      const previous = seen.get(hash);
      if (previous !== undefined && previous !== entry) {
        throw new Error(`complexity lexicon: '${entry}' and '${previous}' hash alike`);
      }
      seen.set(hash, entry);
      table.set(hash, group);
    }
  }
  return table;
}

/** Every lexicon entry, for tests and documentation. */
export function lexiconEntries(): Readonly<Record<WordGroup, readonly string[]>> {
  return LEXICON;
}
