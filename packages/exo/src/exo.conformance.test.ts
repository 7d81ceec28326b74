import { startExoSimulator } from '@switchyard/testing';
import { runConformanceSuite } from '@switchyard/testing/conformance';
import { createExo } from './create-exo';

runConformanceSuite({
  name: 'exo',
  supports: { tools: true, logprobs: true, streamingLogprobs: true, topLogprobs: true, health: true },
  async setup() {
    const simulator = await startExoSimulator({ model: 'mlx-community/Llama-3.2-1B-Instruct-4bit' });
    return {
      provider: createExo({ baseURL: simulator.url, model: 'mlx-community/Llama-3.2-1B-Instruct-4bit' }),
      script: (steps) => simulator.script.set(steps),
      reply: (reply) => simulator.setReply(reply),
      requests: () => simulator.requests,
      close: () => simulator.close(),
    };
  },
});
