import {
  AT_FLAG,
  BLOCKS,
  CHUNK,
  CODES_OFFSET,
  DIGIT_END_FIELD,
  DIGIT_FLAG,
  DIGITS_OFFSET,
  HIT_END_FIELD,
  HIT_LIMIT,
  HIT_SLOTS,
  HITS_OFFSET,
  LIST_SLOTS,
  MARK_END_FIELD,
  MARKS_OFFSET,
  MONEY_FLAG,
  OUTPUT_ROW,
  ROW_FIELD,
  STEP_BASE,
  TABLES_BASE,
} from './kernel-layout';
import { buildKernelRows, type RowSource } from './kernel-rows';
import { keywordKernelCode } from './keyword-kernel-code';
import { encodeModule } from './wasm-encoder';

/**
 * The keyword pass of the scan as WebAssembly (see `keyword-kernel-code.ts`), which V8 runs much
 * faster than the JavaScript loop (`scan-words.ts`): no bounds, map or tag checks per character,
 * and two streams stepped side by side. The text goes in by chunks through fixed buffers and the
 * results come back through fixed buffers, so the memory stays fixed whatever the text's length.
 * `scan-words-with-kernel.ts` drives it; tests check that it agrees with the JavaScript loop.
 */

export { CHUNK };

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
      compiled = new wasm.Module(encodeModule([keywordKernelCode(1), keywordKernelCode(2)], 1));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The tables the kernel reads, as built by `buildKeywordAutomaton`, and the character tables. */
export interface KernelTables extends RowSource {
  fold: Uint8Array;
  /** 1 for `@`, 2 for currency signs and `%`, 0 otherwise. */
  kinds: Uint8Array;
  /** Most patterns any state emits. */
  maxOutputs: number;
  /** Hit slots a stream buffers before the kernel returns to be drained (tests use a small number). */
  hitLimit?: number;
}

/** One stream's buffers, as views into the kernel's memory. */
export interface KernelStream {
  /** The chunk buffer (`CHUNK` code units). */
  readonly codes: Uint16Array;
  /** Hits as (pattern id, chunk index of the character that completed the match). */
  readonly hits: Int32Array;
  /** Chunk indices of digits. */
  readonly digits: Int32Array;
  /** Chunk indices of `@`s, and complements (`~index`) of currency signs. */
  readonly marks: Int32Array;
  /** Filled by `drain`: hit slots, digits and marks written since the last drain. */
  readonly counts: Int32Array;
  /** Sets `counts` and empties the buffers. */
  drain(): void;
}

/** One instance per automaton: its memory holds the tables and two streams' chunks and outputs. */
export interface KeywordKernel {
  /** Steps stream 0 over `[begin, end)` of its chunk; returns where it stopped. */
  readonly scan1: (begin: number, end: number) => number;
  /** Steps streams 0 and 1 side by side over `[begin, end)` of their chunks; returns where they stopped. */
  readonly scan2: (begin: number, end: number) => number;
  readonly streams: readonly [KernelStream, KernelStream];
  /** Puts both streams in `row` (a row of the automaton's `next`), with empty buffers. */
  reset(row: number): void;
}

/** Instantiates the kernel over the tables, or returns null (no WebAssembly, or tables it cannot hold). */
export function createKeywordKernel(tables: KernelTables): KeywordKernel | null {
  const module = kernelModule();
  if (module === null || wasm === undefined) return null;
  // A character completes at most `maxOutputs` patterns: the limit leaves room for them.
  const limitSlots = HIT_SLOTS - 2 * tables.maxOutputs;
  if (limitSlots < HIT_SLOTS / 2) return null;
  const rows = buildKernelRows(tables);
  const size = TABLES_BASE + rows.words.byteLength;
  if (size > 1 << 30) return null;
  try {
    const memory = new wasm.Memory({ initial: Math.ceil(size / 65_536) });
    const instance = new wasm.Instance(module, { env: { memory } });
    const words = new Int32Array(memory.buffer);
    const steps = new Uint16Array(memory.buffer, STEP_BASE, 65_536);
    for (let code = 0; code < 65_536; code++) {
      const symbol = tables.fold[code]!;
      const kind = tables.kinds[code]!;
      steps[code] =
        symbol * 4 +
        (symbol >= 27 && symbol <= 36 ? DIGIT_FLAG : 0) +
        (kind === 1 ? AT_FLAG : kind === 2 ? MONEY_FLAG : 0);
    }
    words.set(rows.words, TABLES_BASE >> 2);
    words[OUTPUT_ROW >> 2] = rows.outputRow;
    words[HIT_LIMIT >> 2] = Math.min(tables.hitLimit ?? limitSlots, limitSlots) * 4;
    const stream = (block: number): KernelStream => {
      const counts = new Int32Array(3);
      const ends: Array<[number, number]> = [
        [(block + HIT_END_FIELD) >> 2, block + HITS_OFFSET],
        [(block + DIGIT_END_FIELD) >> 2, block + DIGITS_OFFSET],
        [(block + MARK_END_FIELD) >> 2, block + MARKS_OFFSET],
      ];
      return {
        codes: new Uint16Array(memory.buffer, block + CODES_OFFSET, CHUNK),
        hits: new Int32Array(memory.buffer, block + HITS_OFFSET, HIT_SLOTS),
        digits: new Int32Array(memory.buffer, block + DIGITS_OFFSET, LIST_SLOTS),
        marks: new Int32Array(memory.buffer, block + MARKS_OFFSET, LIST_SLOTS),
        counts,
        drain() {
          for (let index = 0; index < 3; index++) {
            const [field, start] = ends[index]!;
            counts[index] = (words[field]! - start) >> 2;
            words[field] = start;
          }
        },
      };
    };
    const streams = [stream(BLOCKS[0]), stream(BLOCKS[1])] as const;
    return {
      scan1: instance.exports.scan1 as (begin: number, end: number) => number,
      scan2: instance.exports.scan2 as (begin: number, end: number) => number,
      streams,
      reset(row: number) {
        for (const block of BLOCKS) {
          words[(block + ROW_FIELD) >> 2] = rows.rowAddress(row);
          words[(block + HIT_END_FIELD) >> 2] = block + HITS_OFFSET;
          words[(block + DIGIT_END_FIELD) >> 2] = block + DIGITS_OFFSET;
          words[(block + MARK_END_FIELD) >> 2] = block + MARKS_OFFSET;
        }
      },
    };
  } catch {
    return null;
  }
}
