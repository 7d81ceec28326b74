import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

/** Live tests against the real API run only through `pnpm test:live` (vitest.live.config.ts). */
export default mergeConfig(sharedConfig, {
  test: { exclude: ['**/node_modules/**', '**/dist/**', '**/*.live.test.ts'] },
});
