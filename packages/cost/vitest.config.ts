import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(sharedConfig, {
  test: {
    // A real redis-server for the Redis budget-store tests (started and stopped around the run).
    globalSetup: ['./test/redis-global-setup.ts'],
  },
});
