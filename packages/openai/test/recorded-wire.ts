/**
 * The real recorded responses live with the simulators in @switchyard/testing (see its
 * `src/simulators/__fixtures__/README.md`); adapter tests replay them from there.
 */
export { readRecording, recordedChunks } from '../../testing/src/simulators/__fixtures__/recordings';
