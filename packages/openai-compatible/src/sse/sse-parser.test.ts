import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SseItem, createSseParser } from './sse-parser';

function parseAll(chunks: string[]): SseItem[] {
  const parser = createSseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const events = (items: SseItem[]) => items.filter((item) => item.kind === 'event');

describe('createSseParser', () => {
  it('parses data events separated by blank lines', () => {
    const items = parseAll(['data: {"a":1}\n\ndata: {"b":2}\n\n']);
    expect(events(items).map((item) => item.kind === 'event' && item.data)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('handles CRLF and lone CR line endings', () => {
    const items = parseAll(['data: one\r\n\r\ndata: two\r\rdata: three\n\n']);
    expect(events(items).map((item) => item.kind === 'event' && item.data)).toEqual(['one', 'two', 'three']);
  });

  it('keeps a CR at the end of one chunk and the LF at the start of the next as one line end', () => {
    const items = parseAll(['data: one\r', '\n\r', '\ndata: two\r\n\r\n']);
    expect(events(items).map((item) => item.kind === 'event' && item.data)).toEqual(['one', 'two']);
  });

  it('joins multi-line data with newlines', () => {
    const items = parseAll(['data: line one\ndata: line two\ndata:line three\n\n']);
    expect(events(items)).toEqual([
      { kind: 'event', event: undefined, data: 'line one\nline two\nline three', errorField: false },
    ]);
  });

  it('reports comments apart from events and never as data', () => {
    const items = parseAll([': prefill_progress {"processed":10}\n\n', ': keepalive 3/9\n\ndata: x\n\n']);
    expect(items).toEqual([
      { kind: 'comment', text: 'prefill_progress {"processed":10}' },
      { kind: 'comment', text: 'keepalive 3/9' },
      { kind: 'event', event: undefined, data: 'x', errorField: false },
    ]);
  });

  it('carries the event: field with its data', () => {
    const items = parseAll(['event: message_start\ndata: {"type":"message_start"}\n\n']);
    expect(events(items)).toEqual([
      { kind: 'event', event: 'message_start', data: '{"type":"message_start"}', errorField: false },
    ]);
  });

  it("recognizes llama-server's older `error: {...}` line", () => {
    const items = parseAll([
      'data: {"choices":[]}\n\n',
      'error: {"code":500,"message":"boom","type":"server_error"}\n\n',
    ]);
    expect(events(items).at(-1)).toEqual({
      kind: 'event',
      event: undefined,
      data: '{"code":500,"message":"boom","type":"server_error"}',
      errorField: true,
    });
  });

  it('ignores id and retry fields and a field without a colon', () => {
    const items = parseAll(['id: 7\nretry: 100\ndata\n\n']);
    expect(events(items)).toEqual([{ kind: 'event', event: undefined, data: '', errorField: false }]);
  });

  it('discards an event whose blank line never came', () => {
    expect(events(parseAll(['data: {"cut":']))).toEqual([]);
  });

  it('strips a leading byte-order mark', () => {
    expect(events(parseAll(['\ufeffdata: x\n\n']))).toHaveLength(1);
  });

  it('gives the same events for any split of the input into chunks', () => {
    const stream =
      ': hello\r\n\r\ndata: {"a":"x\\ny"}\r\n\r\nevent: e\ndata: 1\ndata: 2\n\nerror: {"e":1}\r\rdata: [DONE]\n\n';
    const whole = parseAll([stream]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let previous = 0;
        for (const point of points) {
          chunks.push(stream.slice(previous, point));
          previous = point;
        }
        chunks.push(stream.slice(previous));
        expect(parseAll(chunks)).toEqual(whole);
      }),
    );
    expect(events(whole).map((item) => item.kind === 'event' && item.data)).toEqual([
      '{"a":"x\\ny"}',
      '1\n2',
      '{"e":1}',
      '[DONE]',
    ]);
  });
});
