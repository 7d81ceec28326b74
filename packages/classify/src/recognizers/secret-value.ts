import { PLACEHOLDER_WORDS } from '../dictionaries/credential-terms';
import { characterClasses, shannonEntropy } from '../validators/entropy';

const PLACEHOLDER = new RegExp(
  PLACEHOLDER_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'i',
);

/** True when a value is a documentation placeholder (`YOUR_API_KEY`, `<password>`, `sk-...`, `${DB_PASS}`). */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  // One character repeated ("xxxxxxxx", "********", "00000000").
  // Bounded input: values are at most 256 characters (checked by the callers' patterns).
  if (/^(.)\1+$/.test(value)) return true;
  return false;
}

/**
 * Whether a value after a credential word looks like a real secret: long enough, not a
 * placeholder, not a code expression, and mixed or random enough (not a plain word).
 */
export function looksLikeSecret(value: string): boolean {
  if (value.length < 6 || value.length > 256) return false;
  if (isPlaceholder(value)) return false;
  if (/[()[\]{}<>]/.test(value)) return false;
  if (/^[$%]/.test(value)) return false;
  // Identifiers and words: letters, dots, dashes and underscores only.
  // Bounded input: value length was checked above (<= 256).
  if (/^[A-Za-z._-]+$/.test(value)) return false;
  // Pure numbers are PINs, ports, sizes.
  // Bounded input: value length was checked above (<= 256).
  if (/^\d+$/.test(value)) return false;
  const classes = characterClasses(value);
  if (classes >= 3) return true;
  const entropy = shannonEntropy(value);
  if (classes === 2 && value.length >= 12 && entropy >= 3) return true;
  return value.length >= 20 && entropy >= 3.5;
}
