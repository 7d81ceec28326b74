/**
 * Runs the OpenAI simulator in its own process (so its work does not share the benchmark's event
 * loop) and reports its base URL to the parent over IPC.
 */
import { startOpenAISimulator } from '@switchyard/testing';

const reply = {
  text: 'The capital of France is Paris, a city on the Seine known for its museums, cafes and the Eiffel Tower.',
};
const simulator = await startOpenAISimulator({ reply, apiKey: 'sk-bench' });
process.send?.({ baseURL: simulator.baseURL });
process.on('disconnect', () => {
  void simulator.close().then(() => process.exit(0));
});
