import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request a simulator received (for assertions in tests). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined for an empty / non-JSON body. */
  body: unknown;
}

/** A loopback HTTP server speaking some provider's wire format. */
export interface SimulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export type SimulatorHandler = (
  request: IncomingMessage & { body: unknown; path: string },
  response: ServerResponse,
) => void | Promise<void>;

/**
 * Starts a loopback HTTP server on `127.0.0.1` (a free port unless `port` is given). Every simulator
 * builds on this; `close()` also destroys open keep-alive and streaming sockets.
 */
export async function startSimulatorServer(
  handler: SimulatorHandler,
  options: { port?: number; host?: string } = {},
): Promise<SimulatorServer> {
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    try {
      const raw = await readBody(request);
      let body: unknown;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
      await handler(Object.assign(request, { body, path }), response);
    } catch (error) {
      if (!response.headersSent) {
        sendJson(response, 500, { error: { message: `simulator failure: ${String(error)}` } });
      } else {
        response.destroy();
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    close,
    [Symbol.asyncDispose]: close,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Sends a JSON body with a status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Starts a `text/event-stream` response. */
export function startSse(response: ServerResponse, headers: Record<string, string> = {}, status = 200): void {
  response.writeHead(status, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  response.flushHeaders();
}

/** Writes one SSE event: optional `event:` line, one `data:` line per line of `data`, blank line. */
export function writeSse(response: ServerResponse, data: string, event?: string): void {
  let frame = event === undefined ? '' : `event: ${event}\n`;
  for (const line of data.split('\n')) frame += `data: ${line}\n`;
  response.write(`${frame}\n`);
}

/** Writes an SSE comment line (`: text`), which clients must ignore. */
export function writeSseComment(response: ServerResponse, text: string): void {
  response.write(`: ${text}\n\n`);
}

/** Resolves after `ms`, or early if the client went away. */
export function wait(ms: number, response?: ServerResponse): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    response?.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
