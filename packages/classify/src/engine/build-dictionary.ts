import { buildKeywordAutomaton, type KeywordAutomaton } from '../automaton/keyword-automaton';
import { BUILT_IN_ENTRIES } from '../dictionaries/built-in-dictionary';
import { Category, type DictionaryEntry } from '../dictionaries/categories';
import type { ResolvedOptions } from '../options/classifier-options';
import { createScanScratch, type ScanScratch } from '../scan/scan-text';
import { type AnalysisPool, createAnalysisPool } from './analysis';

/** The compiled keyword matcher and the entry behind each pattern id. */
export interface CompiledDictionary {
  automaton: KeywordAutomaton;
  entries: DictionaryEntry[];
  /** Buffers reused by successive scans. */
  scratch: ScanScratch;
  /** Objects reused by successive analyses (taken together with `scratch`). */
  pool: AnalysisPool;
}

// Bounded input: codenames are validated to at most 200 characters.
const GENERIC_CODENAME_WORDS = /^(?:project|operation|program|programme|initiative|codename)\s+/i;

/** Builds the automaton from the built-in entries plus the organization's names and custom dictionaries. */
export function buildDictionary(options: ResolvedOptions): CompiledDictionary {
  const list: DictionaryEntry[] = [...BUILT_IN_ENTRIES];
  const org = options.org;
  if (org) {
    for (const name of org.codenames) {
      list.push({
        text: name,
        lower: name.toLowerCase(),
        category: Category.OrgCodename,
        weight: 0.9,
        caseRule: 'any',
        prefix: false,
        suffix: false,
        source: 'org.codenames',
      });
      // "Project Saltmarsh" is also called "Saltmarsh": the core word, when capitalized.
      const core = name.replace(GENERIC_CODENAME_WORDS, '');
      if (core !== name && core.length >= 4) {
        list.push({
          text: core,
          lower: core.toLowerCase(),
          category: Category.OrgCodenameCore,
          weight: 0.7,
          caseRule: 'capitalized',
          prefix: false,
          suffix: false,
          source: 'org.codenames',
        });
      }
    }
    for (const name of org.clients) {
      list.push({
        text: name,
        lower: name.toLowerCase(),
        category: Category.OrgClient,
        weight: 0.9,
        caseRule: 'any',
        prefix: false,
        suffix: false,
        source: 'org.clients',
      });
    }
    for (const domain of org.internalDomains) {
      list.push({
        text: domain,
        lower: domain.toLowerCase(),
        category: Category.OrgDomain,
        weight: 0.4,
        caseRule: 'any',
        prefix: false,
        suffix: false,
        source: 'org.internalDomains',
      });
    }
  }
  for (const dictionary of options.dictionaries) {
    for (const term of dictionary.terms) {
      const entry: DictionaryEntry & { label: string } = {
        text: term,
        lower: term.toLowerCase(),
        category: Category.Custom,
        weight: dictionary.score,
        caseRule: dictionary.caseSensitive && /^[A-Z]/.test(term) ? 'capitalized' : 'any',
        prefix: false,
        suffix: false,
        source: dictionary.name,
        label: dictionary.label,
      };
      list.push(entry);
    }
  }
  const automaton = buildKeywordAutomaton(
    list.map((entry) => ({
      text: entry.text,
      leftBoundary: !entry.suffix,
      rightBoundary: !entry.prefix,
      caseRule: entry.caseRule,
    })),
  );
  return { automaton, entries: list, scratch: createScanScratch(automaton), pool: createAnalysisPool() };
}
