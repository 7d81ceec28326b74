import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder of the recorded real responses (see README.md beside this file). */
export const recordedWireDir = fileURLToPath(new URL('./recorded-wire/', import.meta.url));

/** The text of a recording, e.g. `openai-chat/openai-text.json`. */
export function readRecording(name: string): string {
  return readFileSync(`${recordedWireDir}${name}`, 'utf8');
}

/** The JSON payloads of a `*.chunks.txt` recording. */
export function recordedChunks(name: string): Array<Record<string, unknown>> {
  return readRecording(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** One SSE event: its `event:` name (if any) and its `data:` text. */
export interface ParsedSse {
  event?: string;
  data: string;
}

/** Parses an SSE body into events. */
export function parseSse(text: string): ParsedSse[] {
  const events: ParsedSse[] = [];
  for (const frame of text.split('\n\n')) {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) events.push(event === undefined ? { data: data.join('\n') } : { event, data: data.join('\n') });
  }
  return events;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * The key structure of a JSON value as sorted `path:type` lines (array elements merged under `[]`).
 * Paths under a key in `opaque` keep only their own line (e.g. a tool's free-form `input`).
 */
export function keyShape(value: unknown, opaque: readonly string[] = []): string[] {
  const lines = new Set<string>();
  const walk = (node: unknown, path: string) => {
    lines.add(`${path}:${typeOf(node)}`);
    const key = path.split('.').at(-1) ?? '';
    if (opaque.includes(key)) return;
    if (Array.isArray(node)) for (const item of node) walk(item, `${path}[]`);
    else if (node && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) walk(child, path === '' ? name : `${path}.${name}`);
    }
  };
  walk(value, '');
  return [...lines].sort();
}

/** The distinct key structures of many JSON values (e.g. the chunks of a stream), each joined. */
export function distinctShapes(values: unknown[], opaque: readonly string[] = [], ignore: readonly string[] = []): string[] {
  const shapes = new Set<string>();
  for (const value of values) {
    shapes.add(
      keyShape(value, opaque)
        .filter((line) => !ignore.some((path) => line === path || line.startsWith(`${path}.`) || line.startsWith(`${path}:`)))
        .join('\n'),
    );
  }
  return [...shapes].sort();
}
