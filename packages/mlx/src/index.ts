export { createMlx, type MlxOptions, type MlxProvider } from './create-mlx';
export { decodeVocabularyPiece } from './decode-vocabulary-piece';
export { mapMlxLogprobs } from './map-mlx-logprobs';
export { parseMlxError } from './parse-mlx-error';
