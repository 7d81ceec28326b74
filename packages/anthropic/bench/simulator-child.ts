/**
 * Runs the Anthropic simulator in its own process (so its work does not share the benchmark's
 * event loop) and reports its base URL to the parent over IPC.
 */
import { startAnthropicSimulator } from '@switchyard/testing';

const reply = {
  text: 'The capital of France is Paris, a city on the Seine known for its museums, cafes and the Eiffel Tower.',
};
const simulator = await startAnthropicSimulator({ reply, apiKey: 'sk-ant-bench' });
process.send?.({ baseURL: simulator.baseURL });
process.on('disconnect', () => {
  void simulator.close().then(() => process.exit(0));
});
