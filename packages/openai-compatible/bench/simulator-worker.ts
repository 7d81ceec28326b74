/**
 * Runs one loopback simulator in a child process, so that its work does not share the event loop
 * with the client being measured. Started by `startSimulatorWorker` (IPC: URL out, `close` in).
 */
import { startExoSimulator, startLlamaCppSimulator, startMlxSimulator } from '@switchyard/testing';

const kind = process.argv[2] as 'llamacpp' | 'mlx' | 'exo';
const options = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const start = { llamacpp: startLlamaCppSimulator, mlx: startMlxSimulator, exo: startExoSimulator }[kind];
const simulator = await start(options);
process.send?.({ url: simulator.url });
process.on('message', async (message) => {
  if (message === 'close') {
    await simulator.close();
    process.disconnect?.();
  }
});
