import { defineConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

/** Live smoke tests: only with LLAMACPP_URL set; otherwise there is nothing to run. */
export default defineConfig({
  ...sharedConfig,
  test: {
    ...sharedConfig.test,
    include: process.env.LLAMACPP_URL ? ['src/**/*.live.test.ts'] : [],
    passWithNoTests: true,
    testTimeout: 120_000,
  },
});
