import { type SimulatorServer, startSimulatorServer } from './simulator-server';

/** A recorded answer to serve unchanged: a JSON body, or SSE text (raw, or built from `*.chunks.txt`). */
export type RecordedAnswer =
  | { json: string; status?: number; headers?: Record<string, string> }
  | { sse: string; status?: number; headers?: Record<string, string> };

/**
 * Frames a `*.chunks.txt` recording (one JSON payload a line) the way OpenAI sends it:
 * `data: <payload>` and a blank line for each, then `data: [DONE]`.
 */
export function openAIChunksToSse(chunks: string): string {
  let out = '';
  for (const line of chunks.split('\n')) {
    if (line.trim() !== '') out += `data: ${line}\n\n`;
  }
  return `${out}data: [DONE]\n\n`;
}

/**
 * Serves recorded answers byte for byte to every POST (in turn; the last one repeats), for replaying
 * real provider traffic through an adapter. `GET` requests get 404.
 *
 * @example
 * const sse = openAIChunksToSse(readFileSync('openai-text.chunks.txt', 'utf8'));
 * await using replay = await startRecordingReplay([{ sse }]);
 * const provider = createOpenAI({ model: 'gpt-4.1-nano', apiKey: 'test', baseURL: `${replay.url}/v1` });
 */
export async function startRecordingReplay(answers: RecordedAnswer[]): Promise<SimulatorServer> {
  if (answers.length === 0) throw new TypeError('answers: give at least one recorded answer');
  let served = 0;
  return startSimulatorServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        '{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":null}}',
      );
      return;
    }
    const answer = answers[Math.min(served++, answers.length - 1)]!;
    if ('json' in answer) {
      response.writeHead(answer.status ?? 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(answer.json),
        ...answer.headers,
      });
      response.end(answer.json);
      return;
    }
    response.writeHead(answer.status ?? 200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...answer.headers,
    });
    response.end(answer.sse);
  });
}
