import { configDefaults, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

export default mergeConfig(sharedConfig, {
  test: { exclude: [...configDefaults.exclude, '**/*.live.test.ts'] },
});
