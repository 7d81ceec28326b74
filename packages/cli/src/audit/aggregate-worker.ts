/**
 * Worker thread entry: aggregates one byte range of an audit file and posts the result back
 * (`{ type: 'progress', bytes }` messages while reading, then `{ type: 'done', result }`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PricingFlags } from './unmetered-pricer';
import { readRange } from './read-range';

const task = workerData as { path: string; start: number; end: number; pricing: PricingFlags | undefined };
const port = parentPort;
if (port) {
  readRange(task.path, task.start, task.end, task.pricing, (bytes) =>
    port.postMessage({ type: 'progress', bytes }),
  ).then(
    (result) => port.postMessage({ type: 'done', result }),
    (error: unknown) => {
      throw error;
    },
  );
}
