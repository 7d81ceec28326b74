import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Label } from '../src/index';

/** A baseline tool reduced to "which of our labels did it detect in this text". */
export interface Baseline {
  name: string;
  version: string;
  /** Labels its entity types map to (the only labels it is scored on). */
  covers: Label[];
  /** Entity types it has and how each maps to our labels. */
  mapping: Record<string, Label[]>;
  detect(text: string): Set<Label>;
  note: string;
}

const require = createRequire(import.meta.url);

function versionOf(name: string): string {
  // Some packages do not export ./package.json: read it from beside the resolved entry point.
  try {
    let dir = dirname(require.resolve(name));
    for (let depth = 0; depth < 4; depth++) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name && manifest.version) return manifest.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

/**
 * redact-pii in its local, synchronous regex mode (`SyncRedactor`). Its Google Cloud DLP mode needs
 * network access and credentials and is not used. Each built-in rule replaces with a marker token,
 * and the markers found in the output say which rules fired.
 */
export async function loadRedactPii(): Promise<Baseline> {
  const { SyncRedactor } = (await import('redact-pii')) as typeof import('redact-pii');
  // redact-pii replaces each rule's matches with its name in SNAKE_CASE (per-rule replaceWith is
  // ignored by 3.x for built-ins), so the tokens in the output say which rules fired.
  const tokens: Record<string, Label[]> = {
    CREDIT_CARD_NUMBER: ['npi'],
    US_SOCIAL_SECURITY_NUMBER: ['npi', 'pii'],
    PASSWORD: ['credentials'],
    CREDENTIALS: ['credentials'],
    EMAIL_ADDRESS: ['pii'],
    PHONE_NUMBER: ['pii'],
    STREET_ADDRESS: ['pii'],
    PERSON_NAME: ['pii'],
    USERNAME: ['pii'],
    IP_ADDRESS: ['pii'],
  };
  const redactor = new SyncRedactor({
    builtInRedactors: { zipcode: { enabled: false }, digits: { enabled: false }, url: { enabled: false } },
  });
  return {
    name: 'redact-pii',
    version: versionOf('redact-pii'),
    covers: ['npi', 'credentials', 'pii'],
    mapping: tokens,
    note: 'local regex mode (SyncRedactor); its Google Cloud DLP mode needs network + credentials and is not used; zipcode/digits/url rules off (no label)',
    detect(text) {
      const output = redactor.redact(text);
      const found = new Set<Label>();
      for (const [token, labels] of Object.entries(tokens)) {
        if (output.includes(token) && !text.includes(token)) for (const label of labels) found.add(label);
      }
      return found;
    },
  };
}

/** @redactpii/node with every rule on, offline (no API key: no dashboard calls). */
export async function loadRedactPiiNode(): Promise<Baseline> {
  const { Redactor } = (await import('@redactpii/node')) as typeof import('@redactpii/node');
  const redactor = new Redactor({
    rules: { CREDIT_CARD: true, EMAIL: true, NAME: true, PHONE: true, SSN: true },
  });
  const tokens: Record<string, Label[]> = {
    CREDIT_CARD_NUMBER: ['npi'],
    US_SOCIAL_SECURITY_NUMBER: ['npi', 'pii'],
    EMAIL_ADDRESS: ['pii'],
    PHONE_NUMBER: ['pii'],
    PERSON_NAME: ['pii'],
  };
  return {
    name: '@redactpii/node',
    version: versionOf('@redactpii/node'),
    covers: ['npi', 'pii'],
    mapping: tokens,
    note: 'all five rules on (CREDIT_CARD, EMAIL, NAME, PHONE, SSN); no apiKey, so fully offline',
    detect(text) {
      const output = redactor.redact(text);
      const found = new Set<Label>();
      for (const [token, labels] of Object.entries(tokens)) {
        if (output.includes(token) && !text.includes(token)) for (const label of labels) found.add(label);
      }
      return found;
    },
  };
}
