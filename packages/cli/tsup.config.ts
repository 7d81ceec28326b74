import { defineConfig } from 'tsup';

export default defineConfig({
  // The audit reader's worker thread is its own entry: `report` and `plan` load it beside the bundle.
  entry: { index: 'src/index.ts', bin: 'src/bin.ts', 'aggregate-worker': 'src/audit/aggregate-worker.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url in the CommonJS build (the worker's path is resolved from it).
  shims: true,
});
