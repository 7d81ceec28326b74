import { createHmac, randomBytes } from 'node:crypto';

/** An in-memory map from pseudonym tokens back to the original values, for re-identifying answers. */
export interface PseudonymVault {
  /** The stable token for a value of a type (keyed HMAC: the same value gets the same token). */
  tokenFor(type: string, value: string): string;
  /** Replaces every known token in `text` with its original value. */
  reidentify(text: string): string;
  /**
   * Re-identifies text that arrives in pieces (a streamed answer): each `push` returns what can be
   * passed on now, holding back a tail that may be the start of a token cut by a chunk boundary;
   * `flush` returns the rest. The pieces add up to `reidentify` of the whole text.
   */
  reidentifyStream(): { push(piece: string): string; flush(): string };
  /** Number of stored values. */
  readonly size: number;
  /** Forgets every value. */
  clear(): void;
}

/** The longest token: `<`, a 64-character type, `_`, 16 hex digits, `>`. */
const MAX_TOKEN = 83;
/** An unfinished token: `<` and up to 81 more characters of one. */
const TOKEN_PREFIX = /^<[A-Za-z0-9_]{0,81}$/;

/** Where the unfinished token at the end of `text` starts, if it could be one; else `text.length`. */
function tokenStart(text: string): number {
  const open = text.lastIndexOf('<');
  if (open === -1 || text.length - open >= MAX_TOKEN) return text.length;
  return TOKEN_PREFIX.test(text.slice(open)) ? open : text.length;
}

/**
 * Creates a vault. Tokens look like `<EMAIL_ADDRESS_3f9a1c2b>`: the type and the first 8 hex digits of
 * HMAC-SHA256(key, type + value). The key defaults to 32 random bytes, so tokens cannot be linked
 * across vaults.
 */
export function createPseudonymVault(options: { key?: string | Uint8Array } = {}): PseudonymVault {
  const key = options.key ?? randomBytes(32);
  const values = new Map<string, string>();
  const pattern = /<[A-Z0-9_]{1,64}_[0-9a-f]{8,16}>/g;
  const reidentify = (text: string) => text.replace(pattern, (token) => values.get(token) ?? token);
  return {
    tokenFor(type, value) {
      const digest = createHmac('sha256', key).update(type).update('\u0000').update(value).digest('hex');
      const name = type.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
      let length = 8;
      let token = `<${name}_${digest.slice(0, length)}>`;
      // Extend on the (unlikely) collision with a different value.
      while (values.has(token) && values.get(token) !== value && length < 16) {
        length += 2;
        token = `<${name}_${digest.slice(0, length)}>`;
      }
      values.set(token, value);
      return token;
    },
    reidentify,
    reidentifyStream() {
      let held = '';
      return {
        push(piece) {
          const text = held + piece;
          const cut = tokenStart(text);
          held = text.slice(cut);
          return reidentify(text.slice(0, cut));
        },
        flush() {
          const rest = held;
          held = '';
          return reidentify(rest);
        },
      };
    },
    get size() {
      return values.size;
    },
    clear() {
      values.clear();
    },
  };
}
