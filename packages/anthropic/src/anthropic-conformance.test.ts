import { startAnthropicSimulator } from '@switchyard/testing';
import { runConformanceSuite } from '@switchyard/testing/conformance';
import { createAnthropic } from './anthropic-provider';

for (const promptCaching of [false, '1h'] as const) {
  runConformanceSuite({
    name: `anthropic (promptCaching: ${promptCaching})`,
    supports: { tools: true, logprobs: false, streamingLogprobs: false, health: true },
    async setup() {
      const simulator = await startAnthropicSimulator({ apiKey: 'sk-ant-test' });
      return {
        provider: createAnthropic({
          model: 'claude-sonnet-5',
          apiKey: 'sk-ant-test',
          baseURL: simulator.baseURL,
          promptCaching,
          healthCheck: true,
        }),
        script: (steps) => simulator.script.set(steps),
        reply: (reply) => simulator.setReply({ ...reply }),
        requests: () => simulator.requests,
        close: () => simulator.close(),
      };
    },
  });
}
