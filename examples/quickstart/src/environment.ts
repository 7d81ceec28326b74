import { createAnthropic } from '@switchyard/anthropic';
import type { Provider } from '@switchyard/core';
import { createExo } from '@switchyard/exo';
import { createLlamaCpp } from '@switchyard/llamacpp';
import { createMlx } from '@switchyard/mlx';
import { createOpenAI } from '@switchyard/openai';
import {
  type LlamaCppSimulator,
  type MlxSimulator,
  startAnthropicSimulator,
  startLlamaCppSimulator,
  startMlxSimulator,
  startOpenAISimulator,
} from '@switchyard/testing';
import { cloudReply, localReply, strongLocalReply } from './answers';

/** The demo's providers: real adapters, against loopback simulators unless real endpoints are configured. */
export interface DemoEnvironment {
  providers: Provider[];
  /** The local simulators the scenario drives (absent when a real server is used). */
  llamacpp: LlamaCppSimulator | undefined;
  mlx: MlxSimulator | undefined;
  /** One line per provider: what it is and where it points. */
  description: string[];
  close(): Promise<void>;
}

/**
 * Starts the demo's providers. Each uses a real endpoint when its variable is set — OPENAI_API_KEY,
 * ANTHROPIC_API_KEY, LLAMACPP_URL, MLX_URL, EXO_URL (+ EXO_MODEL) — and a loopback simulator otherwise.
 */
export async function startEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<DemoEnvironment> {
  const closers: Array<() => Promise<void>> = [];
  const description: string[] = [];
  const providers: Provider[] = [];

  let llamacpp: LlamaCppSimulator | undefined;
  if (env.LLAMACPP_URL) {
    providers.push(createLlamaCpp({ id: 'llamacpp', baseURL: env.LLAMACPP_URL }));
    description.push(`llamacpp   local  llama-server at ${env.LLAMACPP_URL}`);
  } else {
    llamacpp = await startLlamaCppSimulator({
      slots: 2,
      model: 'qwen2.5-7b-instruct-q4_k_m',
      latencyMs: 40,
      tokensPerSecond: 400,
      reply: localReply,
    });
    closers.push(() => llamacpp!.close());
    providers.push(createLlamaCpp({ id: 'llamacpp', baseURL: llamacpp.url }));
    description.push(`llamacpp   local  llama-server simulator, 2 slots, at ${llamacpp.url}`);
  }

  let mlx: MlxSimulator | undefined;
  if (env.MLX_URL) {
    providers.push(createMlx({ id: 'mlx', baseURL: env.MLX_URL }));
    description.push(`mlx        local  mlx_lm.server at ${env.MLX_URL}`);
  } else {
    mlx = await startMlxSimulator({
      model: 'mlx-community/Qwen3-30B-A3B-4bit',
      latencyMs: 60,
      tokensPerSecond: 300,
      reply: strongLocalReply,
    });
    closers.push(() => mlx!.close());
    providers.push(createMlx({ id: 'mlx', baseURL: mlx.url }));
    description.push(`mlx        local  mlx_lm.server simulator (larger model) at ${mlx.url}`);
  }

  if (env.EXO_URL) {
    providers.push(createExo({ id: 'exo', baseURL: env.EXO_URL, model: env.EXO_MODEL ?? 'llama-3.2-3b' }));
    description.push(`exo        local  EXO cluster at ${env.EXO_URL}`);
  }

  if (env.ANTHROPIC_API_KEY) {
    providers.push(createAnthropic({ id: 'anthropic', model: env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-6' }));
    description.push('anthropic  cloud  Anthropic API');
  } else {
    const simulator = await startAnthropicSimulator({ latencyMs: 90, tokensPerSecond: 600, reply: cloudReply });
    closers.push(() => simulator.close());
    providers.push(
      createAnthropic({ id: 'anthropic', model: 'claude-sonnet-4-6', apiKey: 'sk-ant-demo', baseURL: simulator.baseURL }),
    );
    description.push(`anthropic  cloud  Anthropic Messages API simulator at ${simulator.url}`);
  }

  if (env.OPENAI_API_KEY) {
    providers.push(createOpenAI({ id: 'openai', model: env.OPENAI_MODEL ?? 'gpt-4o' }));
    description.push('openai     cloud  OpenAI API');
  } else {
    const simulator = await startOpenAISimulator({ latencyMs: 80, tokensPerSecond: 600, reply: cloudReply });
    closers.push(() => simulator.close());
    providers.push(createOpenAI({ id: 'openai', model: 'gpt-4o', apiKey: 'sk-demo', baseURL: simulator.baseURL }));
    description.push(`openai     cloud  OpenAI Chat Completions simulator at ${simulator.url}`);
  }

  return {
    providers,
    llamacpp,
    mlx,
    description,
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
