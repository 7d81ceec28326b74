import { benchLocalAdapter } from '../../openai-compatible/bench/local-adapter-bench.ts';
import { createMlx } from '../src/index.ts';

await benchLocalAdapter({
  title: 'MLX',
  simulator: 'mlx',
  createProvider: (baseURL) => createMlx({ baseURL }),
});
