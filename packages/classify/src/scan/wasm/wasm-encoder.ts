/**
 * A minimal WebAssembly binary encoder: enough to build one module with a single imported memory
 * and a few `i32` functions, from instructions written in TypeScript (see `keyword-kernel.ts`).
 * No toolchain, no generated files: the module is assembled once, at load time.
 */

/** Unsigned LEB128. */
function unsigned(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
function signed(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function vector(items: number[][]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return vector([...text].map((char) => [char.charCodeAt(0)]));
}

function section(id: number, bytes: number[]): number[] {
  return [id, ...unsigned(bytes.length), ...bytes];
}

const I32 = 0x7f;
const EMPTY_BLOCK = 0x40;

/**
 * Instructions of one function body. Locals are numbered: parameters first, then the locals the
 * function declares. Memory accesses take a byte offset immediate.
 */
export class Code {
  readonly bytes: number[] = [];

  get(local: number): this {
    return this.op(0x20, ...unsigned(local));
  }
  set(local: number): this {
    return this.op(0x21, ...unsigned(local));
  }
  tee(local: number): this {
    return this.op(0x22, ...unsigned(local));
  }
  const(value: number): this {
    return this.op(0x41, ...signed(value));
  }
  /** `i32.load` (aligned to 4). */
  load(offset = 0): this {
    return this.op(0x28, 2, ...unsigned(offset));
  }
  load8(offset = 0): this {
    return this.op(0x2d, 0, ...unsigned(offset));
  }
  load16(offset = 0): this {
    return this.op(0x2f, 1, ...unsigned(offset));
  }
  store(offset = 0): this {
    return this.op(0x36, 2, ...unsigned(offset));
  }
  store16(offset = 0): this {
    return this.op(0x3b, 1, ...unsigned(offset));
  }
  eqz(): this {
    return this.op(0x45);
  }
  eq(): this {
    return this.op(0x46);
  }
  ne(): this {
    return this.op(0x47);
  }
  ltU(): this {
    return this.op(0x49);
  }
  geU(): this {
    return this.op(0x4f);
  }
  gtS(): this {
    return this.op(0x4a);
  }
  gtU(): this {
    return this.op(0x4b);
  }
  geS(): this {
    return this.op(0x4e);
  }
  add(): this {
    return this.op(0x6a);
  }
  sub(): this {
    return this.op(0x6b);
  }
  mul(): this {
    return this.op(0x6c);
  }
  divU(): this {
    return this.op(0x6e);
  }
  and(): this {
    return this.op(0x71);
  }
  or(): this {
    return this.op(0x72);
  }
  shrU(): this {
    return this.op(0x76);
  }
  /** `select`: the first operand when the third is non-zero, else the second. */
  select(): this {
    return this.op(0x1b);
  }

  shl(): this {
    return this.op(0x74);
  }
  block(): this {
    return this.op(0x02, EMPTY_BLOCK);
  }
  loop(): this {
    return this.op(0x03, EMPTY_BLOCK);
  }
  if(): this {
    return this.op(0x04, EMPTY_BLOCK);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  br(depth: number): this {
    return this.op(0x0c, ...unsigned(depth));
  }
  brIf(depth: number): this {
    return this.op(0x0d, ...unsigned(depth));
  }
  return(): this {
    return this.op(0x0f);
  }

  private op(...bytes: number[]): this {
    for (const byte of bytes) this.bytes.push(byte);
    return this;
  }
}

/** One exported function: `params` i32 parameters, `locals` more i32 locals, an i32 result. */
export interface FunctionSpec {
  name: string;
  params: number;
  locals: number;
  body: Code;
}

/** A module importing `env.memory` (at least `minimumPages` 64 KiB pages) and exporting the functions. */
export function encodeModule(functions: readonly FunctionSpec[], minimumPages: number): Uint8Array {
  const types = vector(
    functions.map((spec) => [
      0x60,
      ...vector(Array.from({ length: spec.params }, () => [I32])),
      ...vector([[I32]]),
    ]),
  );
  const imports = vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...unsigned(minimumPages)]]);
  const declarations = vector(functions.map((_, index) => unsigned(index)));
  const exports = vector(functions.map((spec, index) => [...name(spec.name), 0x00, ...unsigned(index)]));
  const bodies = vector(
    functions.map((spec) => {
      const locals = spec.locals > 0 ? vector([[...unsigned(spec.locals), I32]]) : vector([]);
      const body = [...locals, ...spec.body.bytes, 0x0b];
      return [...unsigned(body.length), ...body];
    }),
  );
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, declarations),
    ...section(7, exports),
    ...section(10, bodies),
  ]);
}
