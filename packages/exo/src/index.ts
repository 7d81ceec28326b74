export { createExo, type ExoOptions, type ExoProvider } from './create-exo';
export type { ExoPlacement } from './exo-instances';
export { isNoInstanceError, parseExoError } from './parse-exo-error';
