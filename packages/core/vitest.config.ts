import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// Core's tests drive the router with the testing kit's fake providers. `@switchyard/testing` depends
// on core, so it is aliased to its source here instead of being a (cyclic) dependency.
export default mergeConfig(sharedConfig, {
  resolve: {
    alias: { '@switchyard/testing': fileURLToPath(new URL('../testing/src/index.ts', import.meta.url)) },
  },
});
