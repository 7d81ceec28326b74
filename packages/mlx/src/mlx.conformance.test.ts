import { startMlxSimulator } from '@switchyard/testing';
import { runConformanceSuite } from '@switchyard/testing/conformance';
import { createMlx } from './create-mlx';

runConformanceSuite({
  name: 'mlx',
  // mlx_lm.server gives no logprobs in streams, and alternatives only for greedy decoding.
  supports: { tools: true, logprobs: true, streamingLogprobs: false, topLogprobs: false, health: true },
  async setup() {
    const simulator = await startMlxSimulator();
    return {
      provider: createMlx({ baseURL: simulator.url }),
      script: (steps) => simulator.script.set(steps),
      reply: (reply) => simulator.setReply(reply),
      requests: () => simulator.requests,
      close: () => simulator.close(),
    };
  },
});
