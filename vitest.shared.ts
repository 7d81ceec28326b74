import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources in tests (no build needed). */
const conditions = ['@switchyard/source', 'import', 'module', 'node', 'default'];

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@switchyard/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
