import { Category } from '../dictionaries/categories';
import type { Analysis, Hit } from '../engine/analysis';

import { capped, isFirstPersonPlural, push, sentenceAround, touches } from './rule-helpers';

const POSSESSIVE_COUNSEL =
  /\b(?:our|my|your|as your|her|his)\b|'s|outside|in-house|litigation|employment|patent|trial|defense|bankruptcy|divorce|counsel (?:advis|recommend|asked|thinks|says|said|wants|estimat|believ)|nuestr|notre|mon |unser|mein|maître/i;
/**
 * Privilege: banners, one's own counsel plus legal substance, and the word "privileged" supported by
 * counsel or legal substance — excluding other senses (privileged access, mode, user) and general
 * questions about the law. Returns the banners found and whether the text is privileged.
 */
export function applyPrivilegeRules(analysis: Analysis): { privileged: boolean } {
  const { text } = analysis;
  // Privileged.
  const banners = capped(analysis.hits(Category.LegalBanner)).filter(
    (hit) => !touches(analysis, Category.LegalExclusion, hit),
  );
  const counsel = capped(analysis.hits(Category.LegalCounsel));
  const generalQuestion = analysis.hits(Category.LegalGeneralQuestion).length > 0;
  const firstPerson = capped(analysis.hits(Category.ForwardLooking)).some((hit) =>
    isFirstPersonPlural(hit.entry.lower),
  );
  let privileged = false;
  for (const hit of banners) {
    privileged = true;
    push(analysis, {
      type: 'privilege_marker',
      label: 'privileged',
      start: hit.start,
      end: hit.end,
      score: 0.9,
      reasons: [{ kind: 'dictionary', name: 'privilege-banners' }],
    });
  }
  const counselOk = counsel.filter((hit) => {
    const phrase = text.slice(hit.start, hit.end);
    const possessive =
      POSSESSIVE_COUNSEL.test(phrase) ||
      /^(?:our|my)\s/i.test(text.slice(Math.max(0, hit.start - 4), hit.start + 1).trimStart());
    return possessive || firstPerson;
  });
  const substanceOutside = (hit: Hit) =>
    analysis.before(Category.LegalSubstance, hit.start, 600) !== undefined ||
    analysis.after(Category.LegalSubstance, hit.end, 600) !== undefined;
  if (!(generalQuestion && banners.length === 0)) {
    for (const hit of counselOk) {
      if (!substanceOutside(hit)) continue;
      privileged = true;
      push(analysis, {
        type: 'counsel_communication',
        label: 'privileged',
        start: hit.start,
        end: hit.end,
        score: 0.8,
        reasons: [
          { kind: 'dictionary', name: 'counsel' },
          { kind: 'context', words: ['legal-substance'] },
        ],
      });
    }
    for (const hit of capped(analysis.hits(Category.LegalPrivilegedWord))) {
      if (touches(analysis, Category.LegalExclusion, hit) || touches(analysis, Category.LegalBanner, hit))
        continue;
      // "privileged" in a question about the law ("Is a memo from a law firm privileged?") is not a marking.
      const sentence = sentenceAround(text, hit.start, 200);
      if (text.charCodeAt(sentence.end) === 63 && counselOk.length === 0) continue;
      const supported =
        counsel.length > 0 ||
        ((analysis.before(Category.LegalSubstance, hit.start, 2000) !== undefined ? 1 : 0) +
          (analysis.after(Category.LegalSubstance, hit.end, 2000) !== undefined ? 1 : 0) >=
          1 &&
          analysis.hits(Category.LegalSubstance).length >= 3);
      if (!supported) continue;
      privileged = true;
      push(analysis, {
        type: 'privilege_reference',
        label: 'privileged',
        start: hit.start,
        end: hit.end,
        score: 0.7,
        reasons: [
          { kind: 'dictionary', name: 'privilege' },
          { kind: 'context', words: ['legal-substance'] },
        ],
      });
    }
  }

  return { privileged };
}
