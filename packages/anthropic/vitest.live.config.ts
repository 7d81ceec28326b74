import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

/** Only the live tests (`src/*.live.test.ts`), which call the real API: `pnpm test:live`. */
export default defineConfig({
  ...sharedConfig,
  test: { ...sharedConfig.test, include: ['src/**/*.live.test.ts'], testTimeout: 60_000 },
});
