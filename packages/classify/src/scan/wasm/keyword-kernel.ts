import { SYMBOL_COUNT } from '../../automaton/fold-table';
import { Code, encodeModule } from './wasm-encoder';

/**
 * The keyword pass of the scan (automaton steps, word starts, `@`s, currency signs, words with
 * digits) as WebAssembly: the same loop as `scanWords` in `scan-text.ts`, which V8 runs faster as
 * WebAssembly (no bounds, map or tag checks per character). The text goes in by chunks through a
 * fixed buffer and the results come back as a stream of events, so the memory stays fixed
 * whatever the text's length. `scan-text.ts` falls back to the JavaScript loop when WebAssembly is
 * unavailable; tests check that both produce the same results.
 */

/** Characters per chunk copied into the buffer. */
export const CHUNK = 16_384;
/** Events buffer, in 32-bit slots. */
const EVENT_SLOTS = 65_536;

// Layout (bytes): fixed tables, the block for the text being read, then the automaton's tables.
const FOLD_BASE = 0; // 65,536 symbols (u8)
const KIND_BASE = 65_536; // 65,536 boundary kinds (u8)
const HEADER_BASE = 131_072; // table offsets and limits (i32)
const BLOCK_BASE = HEADER_BASE + 64;
// The block: loop state, ring of word starts, chunk of code units, events.
const B_STATE = 0;
const B_RING = 64; // i32 × ring size (≤ 1,024)
const B_CODES = B_RING + 4_096;
const B_EVENTS = B_CODES + (CHUNK + 8) * 2;
const BLOCK_SIZE = B_EVENTS + EVENT_SLOTS * 4;
const TABLES_BASE = BLOCK_BASE + BLOCK_SIZE;

// Header fields (i32 index from HEADER_BASE).
const H_NEXT = 0;
const H_OUTPUT_START = 1;
const H_OUTPUTS = 2;
const H_LEFT = 3;
const H_WORDS = 4;
const H_BODY = 5;
const H_OUTPUT_ROW = 6;
const H_RING_MASK = 7;
const H_WORD_LIMIT = 8;

// State fields (i32 index in a block).
const S_ROW = 0;
const S_IN_WORD = 1;
const S_WORDS = 2;
const S_WORD_START = 3;
const S_DIGIT = 4;
const S_EVENTS = 5;
const STATE_FIELDS = [S_ROW, S_IN_WORD, S_WORDS, S_WORD_START, S_DIGIT, S_EVENTS];

/** Event tags (a hit is three slots: pattern id ≥ 0, start, end). */
export const EVENT_AT = -1;
export const EVENT_MONEY = -2;
export const EVENT_DIGIT_WORD = -3;

const SYMBOLS = SYMBOL_COUNT;

/** Locals of a function body, numbered after its parameters. */
class Locals {
  private next: number;
  constructor(readonly params: number) {
    this.next = params;
  }
  add(): number {
    return this.next++;
  }
  get count(): number {
    return this.next - this.params;
  }
}

/** The tables every function reads, loaded from the header into locals. */
interface Shared {
  nextBase: number;
  outputStartBase: number;
  outputsBase: number;
  leftBase: number;
  wordsBase: number;
  bodyBase: number;
  outputRow: number;
  ringMask: number;
  limit: number;
  // Temporaries.
  k: number;
  to: number;
  id: number;
  position: number;
  value: number;
  code: number;
  symbol: number;
}

/** One stream's loop state, as locals. */
interface Stream {
  block: number;
  base: number;
  row: number;
  inWord: number;
  words: number;
  wordStart: number;
  digit: number;
  events: number;
  ring: number;
  codes: number;
  eventsBase: number;
}

function sharedLocals(c: Code, locals: Locals, limitField: number): Shared {
  const shared: Shared = {
    nextBase: locals.add(),
    outputStartBase: locals.add(),
    outputsBase: locals.add(),
    leftBase: locals.add(),
    wordsBase: locals.add(),
    bodyBase: locals.add(),
    outputRow: locals.add(),
    ringMask: locals.add(),
    limit: locals.add(),
    k: locals.add(),
    to: locals.add(),
    id: locals.add(),
    position: locals.add(),
    value: locals.add(),
    code: locals.add(),
    symbol: locals.add(),
  };
  const header = (field: number, into: number) =>
    c
      .const(0)
      .load(HEADER_BASE + field * 4)
      .set(into);
  header(H_NEXT, shared.nextBase);
  header(H_OUTPUT_START, shared.outputStartBase);
  header(H_OUTPUTS, shared.outputsBase);
  header(H_LEFT, shared.leftBase);
  header(H_WORDS, shared.wordsBase);
  header(H_BODY, shared.bodyBase);
  header(H_OUTPUT_ROW, shared.outputRow);
  header(H_RING_MASK, shared.ringMask);
  header(limitField, shared.limit);
  return shared;
}

function streamLocals(c: Code, locals: Locals, block: number, base: number): Stream {
  const stream: Stream = {
    block,
    base,
    row: locals.add(),
    inWord: locals.add(),
    words: locals.add(),
    wordStart: locals.add(),
    digit: locals.add(),
    events: locals.add(),
    ring: locals.add(),
    codes: locals.add(),
    eventsBase: locals.add(),
  };
  c.get(block).const(B_RING).add().set(stream.ring);
  c.get(block).const(B_CODES).add().set(stream.codes);
  c.get(block).const(B_EVENTS).add().set(stream.eventsBase);
  const fields = stateLocals(stream);
  for (const field of STATE_FIELDS)
    c.get(block)
      .load(B_STATE + field * 4)
      .set(fields[field]!);
  return stream;
}

function stateLocals(stream: Stream): number[] {
  return [stream.row, stream.inWord, stream.words, stream.wordStart, stream.digit, stream.events];
}

function saveStream(c: Code, stream: Stream): void {
  const fields = stateLocals(stream);
  for (const field of STATE_FIELDS)
    c.get(stream.block)
      .get(fields[field]!)
      .store(B_STATE + field * 4);
}

/** events[n] = value; n += 1 (the value pushed by `push`). */
function emit(c: Code, stream: Stream, push: () => void): void {
  c.get(stream.events).const(2).shl().get(stream.eventsBase).add();
  push();
  c.store(0);
  c.get(stream.events).const(1).add().set(stream.events);
}

/** Emits the outputs of the stream's current state; the matches end at `shared.position`. */
function emitOutputs(c: Code, s: Shared, stream: Stream): void {
  // state = (row - table) / (SYMBOLS × 4); k = outputStart[state], to = outputStart[state + 1]
  c.get(stream.row)
    .get(s.nextBase)
    .sub()
    .const(SYMBOLS * 4)
    .divU()
    .const(2)
    .shl();
  c.get(s.outputStartBase).add().tee(s.k);
  c.load(4).set(s.to);
  c.get(s.k).load(0).set(s.k);
  c.block().loop();
  c.get(s.k).get(s.to).geU().brIf(1);
  c.get(s.k).const(2).shl().get(s.outputsBase).add().load(0).set(s.id);
  emit(c, stream, () => c.get(s.id));
  // Left-bounded: the start of the match's first word; otherwise `end - body length`.
  c.get(s.leftBase).get(s.id).add().load8(0);
  c.if();
  c.get(stream.words).get(s.wordsBase).get(s.id).add().load8(0).sub().const(1).add().get(s.ringMask).and();
  c.const(2).shl().get(stream.ring).add().load(0).set(s.value);
  c.else();
  c.get(s.position).get(s.bodyBase).get(s.id).const(2).shl().add().load(0).sub().set(s.value);
  c.end();
  emit(c, stream, () => c.get(s.value));
  emit(c, stream, () => c.get(s.position));
  c.get(s.k).const(1).add().set(s.k);
  c.br(0);
  c.end().end();
}

/** symbol = fold[codes[i]] (and code = codes[i] when `keepCode`). */
function readSymbol(c: Code, s: Shared, stream: Stream, i: number, keepCode: boolean): void {
  c.get(i).const(1).shl().get(stream.codes).add().load16(0);
  if (keepCode) c.tee(s.code);
  c.load8(FOLD_BASE).set(s.symbol);
}

/** Opens a word at `i`: counts it and notes its start in the ring. */
function openWord(c: Code, s: Shared, stream: Stream, i: number): void {
  c.const(1).set(stream.inWord);
  c.get(stream.words).const(1).add().set(stream.words);
  c.get(stream.base).get(i).add().set(stream.wordStart);
  c.get(stream.words).get(s.ringMask).and().const(2).shl().get(stream.ring).add();
  c.get(stream.wordStart).store(0);
  c.const(0).set(stream.digit);
}

/** One automaton step on a word character (`s.symbol`) at `i`. */
function stepWord(c: Code, s: Shared, stream: Stream, i: number): void {
  c.get(s.symbol).const(2).shl().get(stream.row).add().load(0).set(stream.row);
  c.get(stream.digit).get(s.symbol).const(27).sub().const(10).ltU().or().set(stream.digit);
  c.get(stream.row).get(s.outputRow).geS().if();
  c.get(stream.base).get(i).add().const(1).add().set(s.position);
  emitOutputs(c, s, stream);
  c.end();
}

/** Closes the open word before the boundary at `i`: one automaton step, and its digit event. */
function closeWord(c: Code, s: Shared, stream: Stream, i: number): void {
  c.get(stream.row).load(0).set(stream.row);
  c.get(stream.row).get(s.outputRow).geS().if();
  c.get(stream.base).get(i).add().set(s.position);
  emitOutputs(c, s, stream);
  c.end();
  c.get(stream.digit).if();
  emit(c, stream, () => c.const(EVENT_DIGIT_WORD));
  emit(c, stream, () => c.get(stream.wordStart));
  c.end();
  c.const(0).set(stream.inWord);
}

/** Events for the boundary character `s.code` at `i` (`@`, currency signs). */
function boundaryEvents(c: Code, s: Shared, stream: Stream, i: number): void {
  c.get(s.code).load8(KIND_BASE).tee(s.value);
  c.if();
  emit(c, stream, () => c.const(EVENT_MONEY).get(s.value).const(1).eq().add()); // 1 (at) → -1, 2 (money) → -2
  emit(c, stream, () => c.get(stream.base).get(i).add());
  c.end();
}

/**
 * `scan(block, begin, end, base)`: one stream over `codes[begin..end)` of its chunk (text
 * positions `base + i`). Returns where it stopped: `end`, or earlier — at the start of a word —
 * when the events buffer may not hold that word's events (the caller drains it and calls again).
 * One loop per word, so word characters take no boundary test.
 */
function scanOne(): { params: number; locals: number; body: Code } {
  const block = 0;
  const i = 1;
  const end = 2;
  const base = 3;
  const locals = new Locals(4);
  const c = new Code();
  const s = sharedLocals(c, locals, H_WORD_LIMIT);
  const stream = streamLocals(c, locals, block, base);

  c.block(); // $exit
  c.loop(); // $outer: one word (and the boundaries before it) per turn
  c.block(); // $word
  // Resuming inside a word (the previous chunk ended in it): straight to the word loop.
  c.get(stream.inWord).brIf(0);
  c.loop(); // boundary characters
  c.get(i).get(end).geU().brIf(3);
  readSymbol(c, s, stream, i, true);
  c.get(s.symbol).brIf(1);
  boundaryEvents(c, s, stream, i);
  c.get(i).const(1).add().set(i);
  c.br(0);
  c.end();
  c.end(); // $word
  // A word starts at `i` (or continues there).
  c.get(stream.inWord).eqz().if();
  // Room for every event this word can produce, or stop here and let the caller drain.
  c.get(stream.events).get(s.limit).gtS().brIf(2);
  openWord(c, s, stream, i);
  c.end();
  readSymbol(c, s, stream, i, false);
  c.block(); // $wordEnd
  c.loop(); // word characters
  c.get(s.symbol).eqz().brIf(1);
  stepWord(c, s, stream, i);
  c.get(i).const(1).add().tee(i);
  // The chunk ends inside the word: keep it open for the next call.
  c.get(end).geU().brIf(3);
  readSymbol(c, s, stream, i, false);
  c.br(0);
  c.end();
  c.end(); // $wordEnd
  closeWord(c, s, stream, i);
  // The boundary character at `i` is read again by the boundary loop.
  c.br(0);
  c.end(); // $outer
  c.end(); // $exit

  saveStream(c, stream);
  c.get(i);
  return { params: 4, locals: locals.count, body: c };
}

/** The part of the WebAssembly JavaScript API used here (the package's TypeScript libs do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly is unavailable (then the JavaScript loop runs). */
function kernelModule(): object | null {
  if (compiled === undefined) {
    try {
      if (wasm === undefined) throw new Error('no WebAssembly');
      compiled = new wasm.Module(encodeModule([{ name: 'scan', ...scanOne() }], 1));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The tables the kernel reads, as built by `buildKeywordAutomaton`. */
export interface KernelTables {
  fold: Uint8Array;
  /** 1 for `@`, 2 for currency signs and `%`, 0 otherwise. */
  kinds: Uint8Array;
  next: Int32Array;
  outputStart: Int32Array;
  outputs: Int32Array;
  leftBoundary: Uint8Array;
  patternWords: Uint8Array;
  bodyLength: Int32Array;
  outputRow: number;
  ringSize: number;
  /** Most patterns any state emits. */
  maxOutputs: number;
  /** Longest pattern, in symbols: a word emits at most this many times the outputs of a state. */
  maxLength: number;
  /** Events buffered before the kernel returns to be drained (tests use a small number). Default: the buffer's size. */
  eventLimit?: number;
}

/** One instance per automaton: its memory holds the tables, a chunk of text and the events. */
export interface KeywordKernel {
  /** Reads `[begin, end)` of the chunk (text positions `base + i`); returns where it stopped. */
  readonly scan: (begin: number, end: number, base: number) => number;
  /** The chunk buffer (`CHUNK + 1` code units). */
  readonly codes: Uint16Array;
  readonly events: Int32Array;
  /** Resets the loop state for a new text, starting in `row`. */
  reset(row: number): void;
  /** Events written since the last `drain`; resets the count. */
  drain(): number;
}

function place(memory: Uint8Array, offset: number, data: Uint8Array | Int32Array): number {
  memory.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
  return offset + ((data.byteLength + 7) & ~7);
}

/** Instantiates the kernel over the tables, or returns null (no WebAssembly, or tables it cannot hold). */
export function createKeywordKernel(tables: KernelTables): KeywordKernel | null {
  const module = kernelModule();
  if (module === null || wasm === undefined || tables.ringSize > 1024) return null;
  // `scan` checks for room once per word: a word emits at most the outputs of `maxLength` + 1
  // states (stems match within its first `maxLength` characters, other patterns at its end) and a
  // digit-word event; the boundaries up to the next word at most two slots per character of the chunk.
  const perWord = (tables.maxLength + 1) * tables.maxOutputs * 3 + 2;
  const wordLimit = EVENT_SLOTS - perWord - CHUNK * 2;
  if (wordLimit < EVENT_SLOTS / 4) return null;
  const size =
    TABLES_BASE +
    tables.next.byteLength +
    tables.outputStart.byteLength +
    tables.outputs.byteLength +
    tables.leftBoundary.byteLength +
    tables.patternWords.byteLength +
    tables.bodyLength.byteLength +
    64;
  if (size > 1 << 30) return null;
  try {
    const memory = new wasm.Memory({ initial: Math.ceil(size / 65_536) });
    const instance = new wasm.Instance(module, { env: { memory } });
    const bytes = new Uint8Array(memory.buffer);
    const words = new Int32Array(memory.buffer);
    bytes.set(tables.fold, FOLD_BASE);
    bytes.set(tables.kinds, KIND_BASE);
    let offset = TABLES_BASE;
    const header = HEADER_BASE >> 2;
    words[header + H_NEXT] = offset;
    // Rows as absolute byte addresses: a step is one add (the symbol's offset) and a load.
    const table = offset;
    const next = new Int32Array(memory.buffer, offset, tables.next.length);
    for (let index = 0; index < next.length; index++) next[index] = table + tables.next[index]! * 4;
    offset += (tables.next.byteLength + 7) & ~7;
    words[header + H_OUTPUT_START] = offset;
    offset = place(bytes, offset, tables.outputStart);
    words[header + H_OUTPUTS] = offset;
    offset = place(bytes, offset, tables.outputs);
    words[header + H_LEFT] = offset;
    offset = place(bytes, offset, tables.leftBoundary);
    words[header + H_WORDS] = offset;
    offset = place(bytes, offset, tables.patternWords);
    words[header + H_BODY] = offset;
    place(bytes, offset, tables.bodyLength);
    words[header + H_OUTPUT_ROW] = table + tables.outputRow * 4;
    words[header + H_RING_MASK] = tables.ringSize - 1;
    words[header + H_WORD_LIMIT] = Math.min(tables.eventLimit ?? wordLimit, wordLimit);
    const scan = instance.exports.scan as (block: number, begin: number, end: number, base: number) => number;
    const block = BLOCK_BASE;
    const state = (block + B_STATE) >> 2;
    return {
      scan: (begin, end, base) => scan(block, begin, end, base),
      codes: new Uint16Array(memory.buffer, block + B_CODES, CHUNK + 1),
      events: new Int32Array(memory.buffer, block + B_EVENTS, EVENT_SLOTS),
      reset(row: number) {
        words[state + S_ROW] = table + row * 4;
        words[state + S_IN_WORD] = 0;
        words[state + S_WORDS] = 0;
        words[state + S_WORD_START] = 0;
        words[state + S_DIGIT] = 0;
        words[state + S_EVENTS] = 0;
        words[(block + B_RING) >> 2] = 0;
      },
      drain() {
        const count = words[state + S_EVENTS]!;
        words[state + S_EVENTS] = 0;
        return count;
      },
    };
  } catch {
    return null;
  }
}
