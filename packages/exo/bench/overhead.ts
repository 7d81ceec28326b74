import { benchLocalAdapter } from '../../openai-compatible/bench/local-adapter-bench.ts';
import { createExo } from '../src/index.ts';

const model = 'mlx-community/Llama-3.2-1B-Instruct-4bit';

await benchLocalAdapter({
  title: 'EXO',
  simulator: 'exo',
  simulatorOptions: { model },
  model,
  createProvider: (baseURL) => createExo({ baseURL, model }),
});
