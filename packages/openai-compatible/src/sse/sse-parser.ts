/** One dispatched server-sent event. */
export interface SseEvent {
  kind: 'event';
  /** The `event:` field, when the server sent one. */
  event: string | undefined;
  /** The `data:` lines, joined with `\n`. */
  data: string;
  /**
   * True when the payload came in a non-standard `error:` field instead of `data:` (older
   * llama-server builds write `error: {...}` for a failure in the middle of a stream).
   */
  errorField: boolean;
}

/** A comment line (`: text`), which carries no event (keep-alives, progress notes). */
export interface SseComment {
  kind: 'comment';
  text: string;
}

export type SseItem = SseEvent | SseComment;

/** An incremental server-sent-events parser. */
export interface SseParser {
  /** Adds decoded text (any split: mid-line, between `\r` and `\n`). */
  feed(text: string): void;
  /** The next complete item, or undefined until more text is fed. Parses lazily, line by line. */
  next(): SseItem | undefined;
  /** Feeds text and returns every item it completed. */
  push(text: string): SseItem[];
}

/**
 * Creates a parser for the `text/event-stream` format (WHATWG HTML §9.2.6): lines end with CRLF, LF
 * or CR; a blank line dispatches the event; `data:` lines accumulate; lines starting with `:` are
 * comments; one space after the colon is dropped. Besides `data`, `event`, `id` and `retry` it
 * accepts llama-server's `error:` field. An event left without its blank line at the end of the
 * stream is discarded, as the standard requires. Parsing is lazy so that a reader can stop at the
 * first event it needs without parsing the rest of a large chunk.
 *
 * @example
 * const parser = createSseParser();
 * parser.push('data: {"a":1}\r\n\r\n'); // [{ kind: 'event', event: undefined, data: '{"a":1}', errorField: false }]
 */
export function createSseParser(): SseParser {
  return new IncrementalSseParser();
}

/** The parser's state lives on one object so that a stream allocates no closures. */
class IncrementalSseParser implements SseParser {
  private buffer = '';
  private position = 0;
  private skipLeadingLf = false;
  private started = false;
  private data: string[] = [];
  private hasData = false;
  private eventName: string | undefined;
  private errorField = false;

  private dispatch(): SseEvent | undefined {
    const out: SseEvent | undefined = this.hasData
      ? {
          kind: 'event',
          event: this.eventName,
          data: this.data.length === 1 ? this.data[0]! : this.data.join('\n'),
          errorField: this.errorField,
        }
      : undefined;
    if (this.data.length > 0) this.data = [];
    this.hasData = false;
    this.eventName = undefined;
    this.errorField = false;
    return out;
  }

  /** Handles one line; returns an item when the line completes one. */
  private line(text: string): SseItem | undefined {
    if (text.length === 0) return this.dispatch();
    const colon = text.indexOf(':');
    if (colon === 0)
      return { kind: 'comment', text: text.charCodeAt(1) === 32 ? text.slice(2) : text.slice(1) };
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'error':
        this.data.push(value);
        this.hasData = true;
        this.errorField = true;
        break;
      case 'event':
        this.eventName = value;
        break;
      default:
        // `id`, `retry` and unknown fields carry nothing we use.
        break;
    }
    return undefined;
  }

  feed(text: string): void {
    if (text.length === 0) return;
    let input = text;
    if (!this.started) {
      this.started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (input.charCodeAt(0) === 10) input = input.slice(1);
    }
    if (this.position >= this.buffer.length) this.buffer = input;
    else this.buffer = (this.position > 0 ? this.buffer.slice(this.position) : this.buffer) + input;
    this.position = 0;
  }

  next(): SseItem | undefined {
    const buffer = this.buffer;
    const length = buffer.length;
    while (this.position < length) {
      const start = this.position;
      let end = start;
      let code = 0;
      for (; end < length; end++) {
        code = buffer.charCodeAt(end);
        if (code === 10 || code === 13) break;
      }
      if (end === length) return undefined;
      this.position = end + 1;
      if (code === 13) {
        if (this.position < length) {
          if (buffer.charCodeAt(this.position) === 10) this.position++;
        } else {
          // A CR at the end of the text so far: a LF at the start of the next text belongs to it.
          this.skipLeadingLf = true;
        }
      }
      const item = this.line(buffer.slice(start, end));
      if (item) return item;
    }
    return undefined;
  }

  push(text: string): SseItem[] {
    this.feed(text);
    const out: SseItem[] = [];
    for (let item = this.next(); item !== undefined; item = this.next()) out.push(item);
    return out;
  }
}
