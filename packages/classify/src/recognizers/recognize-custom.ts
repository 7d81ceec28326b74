import type { Analysis } from '../engine/analysis';
import type { ResolvedOptions } from '../options/classifier-options';

const MAX_MATCHES = 10_000;

/** Runs user recognizers: a pattern, an optional validator, and context words that raise the score. */
export function recognizeCustom(analysis: Analysis, recognizers: ResolvedOptions['recognizers']): void {
  const { text } = analysis;
  const lower = text.toLowerCase();
  for (const recognizer of recognizers) {
    const flags = recognizer.pattern.flags.includes('g')
      ? recognizer.pattern.flags
      : `${recognizer.pattern.flags}g`;
    const pattern = new RegExp(recognizer.pattern.source, flags);
    const words = recognizer.context.map((word) => word.toLowerCase());
    let count = 0;
    for (let match = pattern.exec(text); match !== null && count < MAX_MATCHES; match = pattern.exec(text)) {
      count++;
      analysis.work++;
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (recognizer.validator && !recognizer.validator(match[0])) continue;
      const windowText = lower.slice(Math.max(0, match.index - recognizer.contextWindow), match.index);
      const found = words.filter((word) => windowText.includes(word));
      analysis.add({
        type: recognizer.type,
        label: recognizer.label,
        start: match.index,
        end: match.index + match[0].length,
        score: found.length > 0 ? recognizer.contextScore : recognizer.score,
        reasons: [
          { kind: 'pattern', name: recognizer.type },
          ...(recognizer.validator ? [{ kind: 'validator' as const, name: recognizer.type }] : []),
          ...(found.length > 0 ? [{ kind: 'context' as const, words: found }] : []),
        ],
      });
    }
  }
}
