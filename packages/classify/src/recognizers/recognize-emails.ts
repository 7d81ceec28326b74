import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';

const ROLE_LOCAL_PARTS = new Set([
  'info',
  'support',
  'help',
  'sales',
  'contact',
  'hello',
  'team',
  'admin',
  'billing',
  'security',
  'noreply',
  'no-reply',
  'donotreply',
  'postmaster',
  'webmaster',
  'abuse',
  'privacy',
  'legal',
  'hr',
  'jobs',
  'careers',
  'press',
  'media',
  'marketing',
  'office',
  'service',
  'notifications',
  'git',
  'root',
  'mailer-daemon',
]);

const TLDS = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'io',
  'co',
  'uk',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'ca',
  'au',
  'us',
  'info',
  'biz',
  'me',
  'ch',
  'at',
  'be',
  'se',
  'no',
  'dk',
  'fi',
  'pl',
  'pt',
  'ie',
  'mx',
  'br',
  'in',
  'jp',
  'cn',
  'app',
  'dev',
  'ai',
  'eu',
  'mil',
  'int',
  'cat',
  'internal',
  'local',
]);

function isLocalChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 45
  );
}

const MAX_PART = 128;

/**
 * E-mail addresses around each `@` (bounded expansion on both sides), skipping the `user:pass@host`
 * of URLs and role mailboxes; and spelled-out addresses ("jane dot doe at example dot com",
 * "name [at] example [dot] com").
 */
export function recognizeEmails(analysis: Analysis): void {
  const { text } = analysis;
  const ats = analysis.scan.ats;
  let coveredUntil = -1;
  for (let k = 0; k < ats.length; k++) {
    analysis.work++;
    const at = ats.get(k);
    if (at < coveredUntil) continue;
    let left = at;
    while (left > 0 && at - left < MAX_PART && isLocalChar(text.charCodeAt(left - 1))) left--;
    let right = at + 1;
    while (right < text.length && right - at < MAX_PART && isDomainChar(text.charCodeAt(right))) right++;
    while (right > at + 1 && (text.charCodeAt(right - 1) === 46 || text.charCodeAt(right - 1) === 45))
      right--;
    while (left < at && text.charCodeAt(left) === 46) left++;
    coveredUntil = right;
    if (left === at || right <= at + 3) continue;
    let dot = -1;
    for (let index = right - 1; index > at + 1; index--) {
      if (text.charCodeAt(index) === 46) {
        dot = index;
        break;
      }
    }
    if (dot < 0 || right - dot - 1 < 2) continue;
    // user:password@host inside a URL is a credential, not an address.
    const before = text.charCodeAt(left - 1);
    if (before === 58 || before === 36 || before === 33 || before === 126 || before === 47) continue;
    const local = text.slice(left, at).toLowerCase();
    const role = ROLE_LOCAL_PARTS.has(local);
    analysis.add({
      type: 'email_address',
      label: 'pii',
      start: left,
      end: right,
      score: role ? 0.3 : 0.8,
      reasons: [{ kind: 'pattern', name: role ? 'role-mailbox' : 'email' }],
    });
  }
  recognizeSpelledEmails(analysis);
}

interface Token {
  start: number;
  end: number;
}

/** Words and the bracketed `[at]`/`(dot)` forms around each "dot" keyword. */
function recognizeSpelledEmails(analysis: Analysis): void {
  const { text } = analysis;
  const dots = analysis.hits(Category.DotWord);
  let coveredUntil = -1;
  let lastAttempt = -1000;
  for (const hit of dots) {
    analysis.work++;
    // At most one attempt per 40 characters keeps "dot dot dot ..." floods linear.
    if (hit.start < coveredUntil || hit.start - lastAttempt < 40) continue;
    lastAttempt = hit.start;
    // Walk left to the start of the address: word (dot word)* at
    let start = hit.start;
    const tokens: Token[] = [];
    // Tokenize a bounded window around the hit.
    const windowStart = Math.max(0, hit.start - 80);
    const windowEnd = Math.min(text.length, hit.end + 80);
    const pattern = /\[?\(?[A-Za-z0-9_%+-]{1,64}\)?\]?/g;
    pattern.lastIndex = windowStart;
    for (let match = pattern.exec(text); match && match.index < windowEnd; match = pattern.exec(text)) {
      analysis.work++;
      tokens.push({ start: match.index, end: match.index + match[0].length });
    }
    const word = (token: Token) =>
      text
        .slice(token.start, token.end)
        .replace(/[[\]()]/g, '')
        .toLowerCase();
    const isDot = (token: Token) => {
      const value = word(token);
      return value === 'dot' || value === 'punto' || value === 'punkt' || value === 'point';
    };
    const isAt = (token: Token) => {
      const value = word(token);
      return value === 'at' || value === 'arroba' || value === 'chez';
    };
    const hitIndex = tokens.findIndex((token) => token.start === hit.start || token.start === hit.start - 1);
    if (hitIndex < 0) continue;
    // Try each "at" near the hit: word (dot word)* at word (dot word)+ ending in a known TLD.
    let found: { start: number; end: number } | undefined;
    for (
      let atIndex = Math.max(1, hitIndex - 8);
      atIndex < Math.min(tokens.length, hitIndex + 8) && !found;
      atIndex++
    ) {
      if (!isAt(tokens[atIndex]!)) continue;
      let localStart = atIndex - 1;
      if (isDot(tokens[localStart]!) || isAt(tokens[localStart]!)) continue;
      while (
        localStart >= 2 &&
        isDot(tokens[localStart - 1]!) &&
        !isDot(tokens[localStart - 2]!) &&
        !isAt(tokens[localStart - 2]!)
      ) {
        localStart -= 2;
      }
      let index = atIndex + 1;
      let parts = 0;
      let last = -1;
      while (index < tokens.length) {
        const token = tokens[index]!;
        if (isDot(token) || isAt(token)) break;
        parts++;
        last = index;
        if (index + 2 < tokens.length && isDot(tokens[index + 1]!)) index += 2;
        else break;
      }
      if (parts < 2 || last < 0 || !TLDS.has(word(tokens[last]!))) continue;
      // The "dot" hit must be part of this address.
      if (hit.start < tokens[localStart]!.start || hit.start > tokens[last]!.end) continue;
      found = { start: tokens[localStart]!.start, end: tokens[last]!.end };
    }
    if (!found) continue;
    start = found.start;
    const end = found.end;
    coveredUntil = end;
    const context = analysis.before(Category.EmailContext, start, 30);
    analysis.add({
      type: 'email_address',
      label: 'pii',
      start,
      end,
      score: 0.8,
      reasons: [
        { kind: 'pattern', name: 'spelled-email' },
        ...(context ? [{ kind: 'context' as const, words: [context.entry.text] }] : []),
      ],
    });
  }
}
