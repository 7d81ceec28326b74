import { startLlamaCppSimulator } from '@switchyard/testing';
import { runConformanceSuite } from '@switchyard/testing/conformance';
import { createLlamaCpp } from './create-llamacpp';

runConformanceSuite({
  name: 'llamacpp',
  supports: { tools: true, logprobs: true, streamingLogprobs: true, topLogprobs: true, health: true },
  async setup() {
    const simulator = await startLlamaCppSimulator();
    return {
      provider: createLlamaCpp({ baseURL: simulator.url }),
      script: (steps) => simulator.script.set(steps),
      reply: (reply) => simulator.setReply(reply),
      requests: () => simulator.requests,
      close: () => simulator.close(),
    };
  },
});
