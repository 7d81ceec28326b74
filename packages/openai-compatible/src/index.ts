export {
  createSseParser,
  type SseComment,
  type SseEvent,
  type SseItem,
  type SseParser,
} from './sse/sse-parser';
export { createSseReader, readSse, type SseReader } from './sse/read-sse';
export {
  messageOf,
  parseErrorBody,
  type ServerErrorInfo,
  tryParseJson,
} from './http/server-error-info';
export { toSwitchyardHttpError } from './http/to-switchyard-http-error';
export { getJson, readJson, send, type Transport, transportError } from './http/transport';
export { createTransport, type TransportSettings } from './http/create-transport';
export { assertChatRequest } from './convert/assert-chat-request';
export { type BuildChatBodyOptions, buildChatBody } from './convert/build-chat-body';
export { convertMessages } from './convert/convert-messages';
export { defaultMapLogprobs } from './convert/default-map-logprobs';
export { mapFinishReason } from './convert/map-finish-reason';
export {
  clampLogprob,
  logprobContentOf,
  MIN_LOGPROB,
  type MapLogprobsOptions,
  mapLogprobContent,
} from './convert/map-logprobs';
export { argumentsText, mapToolCalls } from './convert/map-tool-calls';
export { mapUsage } from './convert/map-usage';
export { parseChatResponse } from './convert/parse-chat-response';
export { type ChatStreamState, createChatStreamState } from './stream/chat-stream-state';
export { defaultStreamError, streamErrorToSwitchyard } from './stream/stream-error';
export { type ChatClient, type ChatClientSettings, createChatClient } from './provider/create-chat-client';
export type { LogprobContext, OpenAICompatibleDialect } from './provider/dialect';
export {
  createOpenAICompatible,
  type OpenAICompatibleOptions,
} from './provider/create-openai-compatible-provider';
export { baseOptionShape, normalizeBaseURL } from './options/base-options';
export { parseOptions } from './options/parse-options';
export type {
  WireChatBody,
  WireChatResponse,
  WireChoice,
  WireLogprobEntry,
  WireMessage,
  WireToolCall,
  WireTopLogprob,
  WireUsage,
} from './wire/chat-wire';
