/**
 * Memory layout of the keyword kernel (byte addresses in its WebAssembly memory): fixed tables,
 * two stream blocks (state, chunk of text, output buffers), then the automaton.
 * `keyword-kernel-code.ts` bakes these addresses into the code; `keyword-kernel.ts` fills them.
 */
import { SYMBOL_COUNT } from '../../automaton/fold-table';

/** Characters per chunk copied into a stream's buffer. */
export const CHUNK = 16_384;
/** Hit buffer of a stream, in 32-bit slots (a hit is two: pattern id, chunk index). */
export const HIT_SLOTS = 32_768;
/** Digit and mark buffers of a stream, in slots: one per character of a chunk at most. */
export const LIST_SLOTS = CHUNK + 8;

/**
 * Per code unit: the automaton column's byte offset (symbol × 4) in the low byte, plus flags.
 * Boundaries have column 0.
 */
export const STEP_BASE = 0;
export const DIGIT_FLAG = 0x100;
export const AT_FLAG = 0x200;
export const MONEY_FLAG = 0x400;
/** Header: the first emitting row and the hit limit (i32 each). */
export const HEADER_BASE = STEP_BASE + 65_536 * 2;
export const OUTPUT_ROW = HEADER_BASE;
/** A stream stops after the character whose hits pass this many slots (tests lower it). */
export const HIT_LIMIT = HEADER_BASE + 4;

// A stream block: its fields, then its buffers.
/** The automaton row the stream is in (kept between calls). */
export const ROW_FIELD = 0;
/** Next free slot (byte address) of each output buffer. */
export const HIT_END_FIELD = 4;
export const DIGIT_END_FIELD = 8;
export const MARK_END_FIELD = 12;
export const CODES_OFFSET = 64;
export const HITS_OFFSET = CODES_OFFSET + (CHUNK + 8) * 2;
export const DIGITS_OFFSET = HITS_OFFSET + HIT_SLOTS * 4;
export const MARKS_OFFSET = DIGITS_OFFSET + LIST_SLOTS * 4;
const BLOCK_SIZE = MARKS_OFFSET + LIST_SLOTS * 4;

/** Stream blocks: 0 reads the text (or its first part), 1 the second part when it is split. */
export const BLOCKS = [HEADER_BASE + 64, HEADER_BASE + 64 + BLOCK_SIZE] as const;
export const TABLES_BASE = BLOCKS[1] + BLOCK_SIZE;

/** Columns of a kernel row: one per symbol, then the address of the state's output record. */
export const ROW_COLUMNS = SYMBOL_COUNT + 1;
/** Byte offset of the output record's address in a row. */
export const RECORD_COLUMN = SYMBOL_COUNT * 4;
