import { benchLocalAdapter } from '../../openai-compatible/bench/local-adapter-bench.ts';
import { createLlamaCpp } from '../src/index.ts';

await benchLocalAdapter({
  title: 'llama.cpp',
  simulator: 'llamacpp',
  simulatorOptions: { slots: 8 },
  createProvider: (baseURL) => createLlamaCpp({ baseURL, capacity: 'none' }),
});
