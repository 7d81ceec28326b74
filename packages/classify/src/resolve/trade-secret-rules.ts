import { CATEGORY_NAMES, Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import type { Candidate } from '../types';
import { capped, firstPersonIn, moneyWithin, push, sentenceAround, touches } from './rule-helpers';

const PROPRIETARY =
  /propri|trade secret|betriebsgeheimnis|geschäftsgeheimnis|secret des affaires|secreto comercial/i;
const DISTRIBUTION = /^(?:do not|don't|not to be|not for|need|eyes|nicht|ne pas|no distribuir)/i;
const FORWARD =
  /unreleased|unannounced|not yet|never published|before we announce|before announcement|until launch|until the announcement|until announcement|embargo|remove before publishing|internal note/i;

/**
 * Trade secrets: the organization's codenames and clients, confidentiality markings (a bare
 * "confidential"/"proprietary" in prose needs the writer's own business around it), and unmarked
 * first-person business facts with amounts. In privileged text only proprietary markings and the
 * organization's names count (a "Privileged & Confidential" banner is privileged, not also a trade secret).
 */
export function applyTradeSecretRules(analysis: Analysis, privileged: boolean): void {
  const { text } = analysis;
  // Trade secrets: the organization's own names first.
  for (const category of [Category.OrgCodename, Category.OrgClient, Category.OrgCodenameCore]) {
    for (const hit of capped(analysis.hits(category))) {
      const core = category === Category.OrgCodenameCore;
      push(analysis, {
        type: category === Category.OrgClient ? 'org_client' : 'org_codename',
        label: 'trade_secret',
        start: hit.start,
        end: hit.end,
        score: core ? 0.7 : 0.9,
        reasons: [{ kind: 'dictionary', name: hit.entry.source ?? CATEGORY_NAMES[category]! }],
      });
    }
  }
  for (const hit of capped(analysis.hits(Category.OrgDomain))) {
    push(analysis, {
      type: 'internal_hostname',
      label: 'trade_secret',
      start: hit.start,
      end: hit.end,
      score: 0.4,
      reasons: [{ kind: 'dictionary', name: 'org.internalDomains' }],
    });
  }
  for (const hit of capped(analysis.hits(Category.Custom))) {
    push(analysis, {
      type: hit.entry.source ?? 'custom_term',
      label: (hit.entry as { label?: Candidate['label'] }).label ?? 'trade_secret',
      start: hit.start,
      end: hit.end,
      score: hit.entry.weight,
      reasons: [{ kind: 'dictionary', name: hit.entry.source ?? 'custom' }],
    });
  }

  const openSource = analysis.has(Category.OpenSourceLicense);
  const publicRelease = analysis.has(Category.PublicRelease);
  for (const hit of capped(analysis.hits(Category.ConfidentialMarker))) {
    if (touches(analysis, Category.ConfidentialExclusion, hit)) continue;
    if (
      touches(analysis, Category.LegalBanner, hit, 12) ||
      touches(analysis, Category.LegalPrivilegedWord, hit, 12)
    )
      continue;
    const phrase = text.slice(hit.start, hit.end);
    const proprietary = PROPRIETARY.test(phrase);
    if (privileged && !proprietary) continue;
    if (openSource && /all rights reserved/i.test(phrase)) continue;
    let score: number;
    const upper = phrase === phrase.toUpperCase() && /[A-Z]/.test(phrase);
    const lineStart =
      hit.start === 0 || /[\n([]\s{0,3}$/.test(text.slice(Math.max(0, hit.start - 4), hit.start));
    const marked = /^\s{0,2}[:—–)-]/.test(text.slice(hit.end, hit.end + 3));
    const bareWord = /^(?:confidential|proprietary|confidentiel|confidencial|vertraulich)$/i.test(phrase);
    if (/all rights reserved/i.test(phrase)) score = 0.45;
    else if (FORWARD.test(phrase)) score = 0.8;
    else if (DISTRIBUTION.test(phrase)) score = 0.75;
    else if (upper || lineStart || marked || !bareWord) score = 0.85;
    else {
      // A bare "confidential" / "proprietary" in running prose ("the confidential flag in our API",
      // "proprietary vs open-source licenses") needs the writer's own business in the sentence:
      // "our proprietary formula", "this roadmap is confidential: we will launch at $49".
      const sentence = sentenceAround(text, hit.start, 160);
      const own = firstPersonIn(analysis, sentence);
      const business =
        analysis.inside(Category.BusinessSensitive, sentence.start, sentence.end) !== undefined;
      score = own && (proprietary || business) ? 0.7 : 0.35;
    }
    push(analysis, {
      type: 'confidentiality_marker',
      label: 'trade_secret',
      start: hit.start,
      end: hit.end,
      score,
      reasons: [{ kind: 'dictionary', name: 'confidentiality-markers' }],
    });
  }

  // Unmarked business-sensitive content: own plans and numbers.
  if (!privileged && !publicRelease) {
    const business = analysis.hits(Category.BusinessSensitive);
    let index = 0;
    for (const hit of capped(business)) {
      const sentence = sentenceAround(text, hit.start, 200);
      let weight = 0;
      const seen = new Set<string>();
      // Business hits are sorted by start: walk only those inside the sentence.
      while (index < business.length && business[index]!.end <= sentence.start) index++;
      for (let other = index, steps = 0; other < business.length && steps < 32; other++, steps++) {
        const candidate = business[other]!;
        if (candidate.start >= sentence.end) break;
        const otherHit = candidate;
        const key = otherHit.entry.lower;
        if (seen.has(key)) continue;
        seen.add(key);
        weight += otherHit.entry.weight;
      }
      if (weight < 1) continue;
      const own = analysis.inside(Category.ForwardLooking, sentence.start, sentence.end) !== undefined;
      if (!own || !moneyWithin(analysis, sentence)) continue;
      push(analysis, {
        type: 'business_confidential',
        label: 'trade_secret',
        start: hit.start,
        end: hit.end,
        score: 0.6,
        reasons: [
          { kind: 'dictionary', name: 'business-sensitive' },
          { kind: 'context', words: ['first-person', 'amount'] },
        ],
      });
      break;
    }
  }
}
