export { createOpenAI, type OpenAIProvider } from './openai-provider';
export type { OpenAIProviderSettings } from './openai-settings';
export { isReasoningModel } from './is-reasoning-model';
export { mapOpenAIError } from './map-openai-error';
