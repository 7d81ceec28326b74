export { type AnthropicProvider, createAnthropic } from './anthropic-provider';
export type { AnthropicProviderSettings, PromptCaching } from './anthropic-settings';
export { mapAnthropicError } from './map-anthropic-error';
