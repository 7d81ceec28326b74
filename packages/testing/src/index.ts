export {
  createFakeProvider,
  type FakeCall,
  type FakeProvider,
  type FakeProviderOptions,
  type FakeReply,
  type FakeStep,
} from './fake-provider';
export {
  type RecordedRequest,
  type SimulatorHandler,
  type SimulatorServer,
  sendJson,
  startSimulatorServer,
  startSse,
  wait,
  writeSse,
  writeSseComment,
} from './simulators/simulator-server';
export { SimulatorScript, type SimulatorStep } from './simulators/script';
export {
  type OpenAIRequestBody,
  type OpenAISimulator,
  type OpenAISimulatorOptions,
  type OpenAISimulatorReplySource,
  startOpenAISimulator,
} from './simulators/openai-simulator';
export type { OpenAISimulatorReply, OpenAISimulatorToolCall } from './simulators/openai-wire';
export { isOpenAIReasoningModel } from './simulators/openai-validate';
export { openAIChunksToSse, type RecordedAnswer, startRecordingReplay } from './simulators/openai-replay';
export {
  type AnthropicRequestBody,
  type AnthropicSimulator,
  type AnthropicSimulatorOptions,
  type AnthropicSimulatorReplySource,
  startAnthropicSimulator,
} from './simulators/anthropic-simulator';
export type { AnthropicSimulatorReply, AnthropicSimulatorToolCall } from './simulators/anthropic-wire';
export { anthropicChunksToSse } from './simulators/anthropic-replay';
export {
  type LlamaCppSimulator,
  type LlamaCppSimulatorOptions,
  startLlamaCppSimulator,
} from './simulators/llamacpp-simulator';
export { LLAMACPP_ZERO_PROB_LOGPROB } from './simulators/llamacpp-wire';
export {
  type LocalReply,
  type LocalReplySource,
  tokenizeText,
} from './simulators/openai-compatible-local-reply';
export type { LocalSimulatorOptions } from './simulators/openai-compatible-local-server';
export { type MlxSimulator, type MlxSimulatorOptions, startMlxSimulator } from './simulators/mlx-simulator';
export { type ExoSimulator, type ExoSimulatorOptions, startExoSimulator } from './simulators/exo-simulator';
export {
  median,
  measureOverhead,
  type OverheadCase,
  type OverheadOptions,
  type OverheadResult,
} from './bench/measure-overhead';
