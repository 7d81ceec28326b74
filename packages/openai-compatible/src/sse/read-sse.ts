import { type SseItem, type SseParser, createSseParser } from './sse-parser';

/** Pulls SSE items from a body, reading more only when the parsed text runs out. */
export interface SseReader {
  /** The next item; undefined at the end of the body. */
  next(): Promise<SseItem | undefined>;
  /** Stops reading and frees the connection. Idempotent. */
  cancel(): Promise<void>;
}

/** Creates a pull reader over a `text/event-stream` body. */
export function createSseReader(body: ReadableStream<Uint8Array>): SseReader {
  return new BodySseReader(body);
}

class BodySseReader implements SseReader {
  private readonly parser: SseParser = createSseParser();
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private ended = false;
  private released = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  async next(): Promise<SseItem | undefined> {
    for (;;) {
      const item = this.parser.next();
      if (item !== undefined) return item;
      if (this.ended) return undefined;
      const { done, value } = await this.reader.read();
      if (done) {
        this.ended = true;
        this.parser.feed(this.decoder.decode());
      } else {
        this.parser.feed(this.decoder.decode(value, { stream: true }));
      }
    }
  }

  async cancel(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (!this.ended) await this.reader.cancel().catch(() => {});
    this.reader.releaseLock();
  }
}

/**
 * Reads a `text/event-stream` body and yields its events and comments as they complete. Stopping
 * the iteration early cancels the body (and so frees the connection).
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseItem, void, undefined> {
  const reader = createSseReader(body);
  try {
    for (let item = await reader.next(); item !== undefined; item = await reader.next()) yield item;
  } finally {
    await reader.cancel();
  }
}
