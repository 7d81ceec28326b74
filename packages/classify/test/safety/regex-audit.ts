import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A regex literal found in the source, with where it is and whether it is marked as applied to bounded input. */
export interface RegexLiteral {
  file: string;
  line: number;
  source: string;
  boundedInput: boolean;
}

const LITERAL =
  /(?:^|[=(,:[!&|?{};]|return)\s*\/(?![*/])((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n[])+)\/([dgimsuyv]*)/g;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
}

/** Every regex literal in `src/` (tests excluded). */
export function regexLiterals(srcDir: string): RegexLiteral[] {
  const files: string[] = [];
  walk(srcDir, files);
  const out: RegexLiteral[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      for (const match of text.matchAll(LITERAL)) {
        const context = lines.slice(Math.max(0, index - 3), index + 1).join('\n');
        out.push({ file, line: index + 1, source: match[1]!, boundedInput: /bounded input/i.test(context) });
      }
    });
  }
  return out;
}

/** Quantifier structure of a regex source: the largest nested repetition product and unbounded nesting. */
export function quantifierProfile(source: string): {
  unbounded: boolean;
  nestedUnbounded: boolean;
  maxProduct: number;
} {
  // Stack of groups; each tracks the max product inside it and whether it contains an unbounded quantifier.
  const stack: Array<{ product: number; unbounded: boolean }> = [{ product: 1, unbounded: false }];
  let lastAtom: { product: number; unbounded: boolean } = { product: 1, unbounded: false };
  let anyUnbounded = false;
  let nestedUnbounded = false;
  let maxProduct = 1;
  const applyQuantifier = (max: number) => {
    const unbounded = !Number.isFinite(max);
    if (unbounded) anyUnbounded = true;
    if (unbounded && lastAtom.unbounded) nestedUnbounded = true;
    if (unbounded && lastAtom.product > 1) nestedUnbounded = true;
    // Only repetition of something that itself repeats multiplies backtracking paths.
    const product = lastAtom.product > 1 || lastAtom.unbounded ? lastAtom.product * (unbounded ? 1 : max) : 1;
    if (!unbounded && lastAtom.unbounded) nestedUnbounded = true;
    maxProduct = Math.max(maxProduct, product);
    const top = stack[stack.length - 1]!;
    top.product = Math.max(top.product, product, unbounded ? 1 : max);
    top.unbounded = top.unbounded || unbounded || lastAtom.unbounded;
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\') {
      index++;
      lastAtom = { product: 1, unbounded: false };
      continue;
    }
    if (char === '[') {
      index++;
      while (index < source.length && source[index] !== ']') {
        if (source[index] === '\\') index++;
        index++;
      }
      lastAtom = { product: 1, unbounded: false };
      continue;
    }
    if (char === '(') {
      stack.push({ product: 1, unbounded: false });
      if (source[index + 1] === '?') {
        index++;
        while (index + 1 < source.length && /[:=!<>a-zA-Z]/.test(source[index + 1]!) && source[index] !== ':')
          index++;
      }
      continue;
    }
    if (char === ')') {
      const group = stack.pop()!;
      lastAtom = { product: group.product, unbounded: group.unbounded };
      const top = stack[stack.length - 1]!;
      top.product = Math.max(top.product, group.product);
      top.unbounded = top.unbounded || group.unbounded;
      continue;
    }
    if (char === '*' || char === '+') {
      applyQuantifier(Number.POSITIVE_INFINITY);
      if (source[index + 1] === '?') index++;
      continue;
    }
    if (char === '?') {
      applyQuantifier(1);
      continue;
    }
    if (char === '{') {
      const close = source.indexOf('}', index);
      const body = source.slice(index + 1, close);
      const match = /^(\d+)(,(\d*))?$/.exec(body);
      if (match) {
        const max =
          match[2] === undefined
            ? Number(match[1])
            : match[3] === ''
              ? Number.POSITIVE_INFINITY
              : Number(match[3]);
        applyQuantifier(max);
        index = close;
        if (source[index + 1] === '?') index++;
        continue;
      }
    }
    lastAtom = { product: 1, unbounded: false };
  }
  return { unbounded: anyUnbounded, nestedUnbounded, maxProduct };
}
