import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's quickstart is src/readme-quickstart.ts, which `tsc` checks with the rest of the
// example: an example that no longer compiles is a bug.
describe('README quickstart', () => {
  it('is exactly the typechecked example file', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /## Quickstart\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const file = readFileSync(new URL('../src/readme-quickstart.ts', import.meta.url), 'utf8');
    expect(block).toBe(file);
  });
});
