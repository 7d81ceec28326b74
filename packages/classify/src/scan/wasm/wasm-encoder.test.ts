import { describe, expect, it } from 'vitest';
import { Code, encodeModule } from './wasm-encoder';

interface Api {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: object,
  ) => { exports: Record<string, (...args: number[]) => number> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const api = (globalThis as unknown as { WebAssembly: Api }).WebAssembly;

describe('wasm encoder', () => {
  it('builds a module whose functions compute, branch, loop and use memory', () => {
    // sum(from, to): adds the bytes memory[from..to), with large and negative constants in between.
    const sum = new Code();
    sum.block().loop();
    sum.get(0).get(1).geU().brIf(1);
    sum.get(2).get(0).load8(0).add().set(2);
    sum.get(0).const(1).add().set(0);
    sum.br(0);
    sum.end().end();
    sum.get(2).const(-70_000).add().const(70_000).add();
    // pick(x): x > 5 ? x * 3 : x - 1, through if/else and a local.
    const pick = new Code();
    pick.get(0).const(5).gtS().if().get(0).const(3).mul().set(1).else().get(0).const(1).sub().set(1).end();
    pick.get(1);
    const bytes = encodeModule(
      [
        { name: 'sum', params: 2, locals: 1, body: sum },
        { name: 'pick', params: 1, locals: 1, body: pick },
      ],
      1,
    );
    const memory = new api.Memory({ initial: 1 });
    new Uint8Array(memory.buffer).set([1, 2, 3, 250], 300);
    const { exports } = new api.Instance(new api.Module(bytes), { env: { memory } });
    expect(exports.sum!(300, 304)).toBe(256);
    expect(exports.pick!(7)).toBe(21);
    expect(exports.pick!(2)).toBe(1);
  });
});
