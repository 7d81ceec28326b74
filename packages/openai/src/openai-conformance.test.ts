import { startOpenAISimulator } from '@switchyard/testing';
import { runConformanceSuite } from '@switchyard/testing/conformance';
import { createOpenAI } from './openai-provider';

for (const model of ['gpt-4o-mini', 'o4-mini']) {
  const reasoning = model === 'o4-mini';
  runConformanceSuite({
    name: `openai (${model})`,
    supports: {
      tools: true,
      logprobs: !reasoning,
      streamingLogprobs: !reasoning,
      topLogprobs: true,
      health: true,
    },
    async setup() {
      const simulator = await startOpenAISimulator({ apiKey: 'sk-test' });
      return {
        provider: createOpenAI({ model, apiKey: 'sk-test', baseURL: simulator.baseURL, healthCheck: true }),
        script: (steps) => simulator.script.set(steps),
        reply: (reply) => simulator.setReply({ ...reply }),
        requests: () => simulator.requests,
        close: () => simulator.close(),
      };
    },
  });
}
