import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import type { Reason } from '../types';
import { characterClasses } from '../validators/entropy';
import { isPlaceholder, looksLikeSecret } from './secret-value';

interface KeyFormat {
  type: string;
  /** Sticky pattern applied at the hit. Bounded quantifiers, no nesting: linear by construction. */
  pattern: RegExp;
  score: number;
  /** Require mixed character classes in the match (rejects words that happen to share a prefix). */
  mixed?: boolean;
}

/** Known key formats, keyed by the folded prefix the automaton reports. */
export const KEY_FORMATS: ReadonlyArray<{ prefixes: string[]; format: KeyFormat }> = [
  {
    prefixes: ['akia', 'asia', 'abia', 'acca'],
    format: {
      type: 'aws_access_key_id',
      pattern: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/y,
      score: 0.95,
    },
  },
  {
    prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    format: { type: 'github_token', pattern: /gh[pousr]_[A-Za-z0-9]{36,40}(?![A-Za-z0-9])/y, score: 0.95 },
  },
  {
    prefixes: ['github_pat_'],
    format: { type: 'github_token', pattern: /github_pat_[A-Za-z0-9_]{40,120}/y, score: 0.95 },
  },
  {
    prefixes: ['glpat'],
    format: { type: 'gitlab_token', pattern: /glpat-[A-Za-z0-9_-]{20,64}/y, score: 0.95 },
  },
  {
    prefixes: ['xoxb', 'xoxp', 'xoxa', 'xoxs', 'xoxe', 'xapp'],
    format: { type: 'slack_token', pattern: /(?:xox[bpase]|xapp)-[A-Za-z0-9-]{10,250}/y, score: 0.95 },
  },
  {
    prefixes: ['sk_live_', 'rk_live_'],
    format: { type: 'stripe_live_key', pattern: /[sr]k_live_[A-Za-z0-9]{16,255}/y, score: 0.95 },
  },
  {
    prefixes: ['sk_test_', 'rk_test_'],
    format: { type: 'stripe_test_key', pattern: /[sr]k_test_[A-Za-z0-9]{16,255}/y, score: 0.7 },
  },
  {
    prefixes: ['whsec_'],
    format: { type: 'webhook_signing_secret', pattern: /whsec_[A-Za-z0-9+/=]{24,128}/y, score: 0.9 },
  },
  {
    prefixes: ['sk'],
    format: {
      type: 'llm_api_key',
      pattern: /sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d{2}-)?[A-Za-z0-9_-]{20,300}/y,
      score: 0.95,
      mixed: true,
    },
  },
  {
    prefixes: ['sg'],
    format: {
      type: 'sendgrid_api_key',
      pattern: /SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{24,64}/y,
      score: 0.95,
    },
  },
  {
    prefixes: ['aiza'],
    format: { type: 'google_api_key', pattern: /AIza[0-9A-Za-z_-]{30,40}/y, score: 0.9 },
  },
  { prefixes: ['npm_'], format: { type: 'npm_token', pattern: /npm_[A-Za-z0-9]{30,40}/y, score: 0.95 } },
  { prefixes: ['pypi'], format: { type: 'pypi_token', pattern: /pypi-[A-Za-z0-9_-]{50,250}/y, score: 0.95 } },
  {
    prefixes: ['hf_'],
    format: { type: 'huggingface_token', pattern: /hf_[A-Za-z0-9]{30,40}/y, score: 0.9, mixed: true },
  },
  {
    prefixes: ['dop_v1_'],
    format: { type: 'digitalocean_token', pattern: /dop_v1_[a-f0-9]{64}/y, score: 0.95 },
  },
  {
    prefixes: ['shpat_', 'shpss_'],
    format: { type: 'shopify_token', pattern: /shp(?:at|ss)_[a-fA-F0-9]{32}/y, score: 0.95 },
  },
  {
    prefixes: ['ya29'],
    format: { type: 'google_oauth_token', pattern: /ya29\.[0-9A-Za-z_-]{20,2048}/y, score: 0.9 },
  },
  {
    prefixes: ['eaac'],
    format: { type: 'facebook_token', pattern: /EAAC[0-9A-Za-z]{20,512}/y, score: 0.85 },
  },
  {
    prefixes: ['eyj'],
    format: {
      type: 'jwt',
      pattern: /eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,2048}/y,
      score: 0.9,
    },
  },
  {
    prefixes: ['hooks slack com services'],
    format: {
      type: 'slack_webhook',
      pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{16,40}/y,
      score: 0.95,
    },
  },
  {
    prefixes: ['discord com api webhooks'],
    format: {
      type: 'discord_webhook',
      pattern: /discord(?:app)?\.com\/api\/webhooks\/\d{8,20}\/[A-Za-z0-9_-]{40,80}/y,
      score: 0.95,
    },
  },
];

const FORMAT_BY_PREFIX = new Map<string, KeyFormat>();
for (const { prefixes, format } of KEY_FORMATS)
  for (const prefix of prefixes) FORMAT_BY_PREFIX.set(prefix, format);

const formatCache = new WeakMap<object, KeyFormat | null>();

function foldKey(text: string): string {
  return (
    text
      .toLowerCase()
      // Bounded input: dictionary entry text.
      .replace(/[^a-z0-9_]+/g, ' ')
      .trim()
  );
}

/** `scheme://user:password@host` (password part captured). */
const CONNECTION_URL =
  /[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s:@/]{0,128}):([^\s@]{1,256})@[A-Za-z0-9.-]{1,255}/y;
/** Value after a credential word: separators, optional quote, then the value. */
const ASSIGNED_VALUE =
  /(?:\s{1,2}(?:for|of|to|on)\s{1,2}[\w.-]{1,30}(?=\s{1,2}(?:is|=|:)))?(?:["']?\s{0,3}(?:[:=]|=>|\bis\b|:=)?\s{0,3}["'`]?)([^\s"'`,;]{1,256})/y;
const PEM_END = '-----END';

/**
 * Credentials: vendor key formats (checked with a sticky pattern at each prefix hit), PEM private
 * keys, connection strings with a password, `password: …` style assignments, Twilio ids, and
 * high-entropy values right after a credential word. Placeholders are excluded.
 */
export function recognizeCredentials(analysis: Analysis): void {
  const { text } = analysis;
  let prefixScannedUntil = -1;
  for (const hit of analysis.hits(Category.CredentialPrefix)) {
    analysis.work++;
    if (hit.start < prefixScannedUntil) continue;
    let format = formatCache.get(hit.entry);
    if (format === undefined) {
      format = FORMAT_BY_PREFIX.get(foldKey(hit.entry.text)) ?? null;
      formatCache.set(hit.entry, format);
    }
    if (!format) continue;
    // The hit starts at the prefix; the key's own case is checked by the pattern.
    format.pattern.lastIndex = hit.start;
    const match = format.pattern.exec(text);
    if (!match) continue;
    const value = match[0];
    prefixScannedUntil = hit.start + value.length;
    if (isPlaceholder(value)) continue;
    if (format.mixed && characterClasses(value.replace(/^sk-(?:proj-|ant-)?/, '')) < 3) continue;
    const end = hit.start + value.length;
    if (end < text.length && /[A-Za-z0-9]/.test(text[end]!) && format.type !== 'jwt') continue;
    analysis.add({
      type: format.type,
      label: 'credentials',
      start: hit.start,
      end,
      score: format.score,
      reasons: [{ kind: 'pattern', name: format.type }],
    });
  }

  for (const hit of analysis.hits(Category.PrivateKeyBanner)) {
    analysis.work++;
    const close = text.indexOf(PEM_END, hit.end);
    const end =
      close < 0 ? hit.end : Math.min(text.length, text.indexOf('-----', close + 8) + 5 || close + 8);
    analysis.add({
      type: 'private_key',
      label: 'credentials',
      start: Math.max(0, hit.start - 5),
      end: Math.max(end, hit.end),
      score: 0.97,
      reasons: [{ kind: 'pattern', name: 'pem-private-key' }],
    });
  }

  for (const hit of analysis.hits(Category.ConnectionScheme)) {
    analysis.work++;
    CONNECTION_URL.lastIndex = hit.start;
    const match = CONNECTION_URL.exec(text);
    if (match) {
      const password = match[2]!;
      if (!isPlaceholder(password) && password.length >= 3) {
        analysis.add({
          type: 'connection_string_password',
          label: 'credentials',
          start: hit.start,
          end: hit.start + match[0].length,
          score: 0.95,
          reasons: [{ kind: 'pattern', name: 'url-userinfo-password' }],
        });
      }
      continue;
    }
    if (/mysql|psql|mongo/i.test(hit.entry.text)) {
      // Command lines: mysql -u user -p'secret'
      const window = text.slice(hit.end, Math.min(text.length, hit.end + 160));
      const flag = /\s-p(['"]?)([^\s'"]{4,128})\1/.exec(window);
      if (flag && looksLikeSecret(flag[2]!)) {
        const start = hit.end + flag.index + 1;
        analysis.add({
          type: 'password_in_text',
          label: 'credentials',
          start,
          end: start + flag[0].length - 1,
          score: 0.9,
          reasons: [{ kind: 'pattern', name: 'cli-password-flag' }],
        });
      }
    }
  }

  let lastEnd = -1;
  let scannedUntil = -1;
  for (const hit of analysis.hits(Category.CredentialContext)) {
    analysis.work++;
    // Each character is read as a value at most once, whatever the density of credential words.
    if (hit.end <= lastEnd || hit.start < scannedUntil) continue;
    let position = hit.end;
    // Look at up to two values: "login is admin / S3cr3t!", "user deploy, password: X".
    for (let attempt = 0; attempt < 2; attempt++) {
      ASSIGNED_VALUE.lastIndex = position;
      const match = ASSIGNED_VALUE.exec(text);
      if (!match) break;
      const value = match[1]!;
      const start = position + match[0].length - value.length;
      // Short rejected values may themselves start with a credential word ("/ password: x"): rescan those.
      scannedUntil = value.length < 32 ? start : start + value.length;
      if (start - hit.end > 16) break;
      if (looksLikeSecret(value)) {
        lastEnd = start + value.length;
        const reasons: Reason[] = [
          { kind: 'context', words: [hit.entry.text] },
          { kind: 'validator', name: 'secret-strength' },
        ];
        analysis.add({
          type: 'password_in_text',
          label: 'credentials',
          start,
          end: start + value.length,
          score: 0.85,
          reasons,
        });
        break;
      }
      position = start + value.length;
      // Allow "admin / secret" and "user@example.com / password: secret".
      const slash = /\s{0,2}\/\s{0,2}/y;
      slash.lastIndex = position;
      if (!slash.exec(text)) break;
      position = slash.lastIndex;
    }
  }

  // Twilio account SIDs and API keys (AC/SK + 32 hex) appear as mixed tokens.
  const tokens = analysis.scan.tokens;
  for (let k = 0; k < tokens.length; k += 2) {
    const start = tokens.get(k);
    const end = tokens.get(k + 1);
    if (end - start !== 34) continue;
    analysis.work++;
    const token = text.slice(start, end);
    if (/^(?:AC|SK)[0-9a-f]{32}$/.test(token)) {
      analysis.add({
        type: token.startsWith('AC') ? 'twilio_account_sid' : 'twilio_api_key',
        label: 'credentials',
        start,
        end,
        score: token.startsWith('AC') ? 0.7 : 0.9,
        reasons: [{ kind: 'pattern', name: 'twilio-id' }],
      });
    }
  }
}
