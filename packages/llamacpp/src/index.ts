export { createLlamaCpp, type LlamaCppOptions, type LlamaCppProvider } from './create-llamacpp';
export type { LlamaCppCompletion, LlamaCppCompletionRequest } from './llamacpp-complete';
export type { LlamaCppCapacitySource, LlamaCppServerInfo } from './llamacpp-probes';
export { parseLlamaCppError } from './parse-llamacpp-error';
