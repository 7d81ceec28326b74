import {
  AT_FLAG,
  BLOCKS,
  CODES_OFFSET,
  DIGIT_END_FIELD,
  HIT_END_FIELD,
  HIT_LIMIT,
  HITS_OFFSET,
  MARK_END_FIELD,
  MONEY_FLAG,
  OUTPUT_ROW,
  RECORD_COLUMN,
  ROW_FIELD,
  STEP_BASE,
} from './kernel-layout';
import { Code, type FunctionSpec } from './wasm-encoder';

/**
 * The keyword pass as WebAssembly: `scan1(begin, end)` steps stream 0 over `[begin, end)` of its
 * chunk buffer; `scan2(begin, end)` steps streams 0 and 1 side by side, one character of each per
 * turn, so the two chains of dependent table loads overlap (each step needs the row the last one
 * loaded: one stream alone waits on that load every character).
 *
 * A step is the same for every character: its column (0 for boundaries) from the step table,
 * then the automaton row — runs of boundaries are folded into the table (see `keyword-kernel.ts`),
 * so there is no branch per word or per boundary. Per stream, three outputs with chunk indices:
 * hits (pattern id, index of the character that completed them) from the record of each emitting
 * row, the index of every digit (written every turn, kept only for digits: no branch), and `@`s
 * and currency signs (`index`, or `~index` for currency). A call returns where it stopped: `end`,
 * or right after a character that brought a hit buffer past its limit (the caller drains the
 * buffers and calls again).
 */
export function keywordKernelCode(streams: 1 | 2): FunctionSpec {
  const begin = 0;
  const end = 1;
  let count = 2;
  const local = () => count++;
  const i = local();
  const outputRow = local();
  const hitLimit = local();
  const record = local();
  const remaining = local();
  const hitEnd = local();
  const lanes = BLOCKS.slice(0, streams).map((block) => ({
    block,
    row: local(),
    step: local(),
    digitEnd: local(),
  }));
  const c = new Code();

  c.get(begin).set(i);
  c.const(0).load(OUTPUT_ROW).set(outputRow);
  c.const(0).load(HIT_LIMIT).set(hitLimit);
  for (const lane of lanes) {
    c.const(0)
      .load(lane.block + ROW_FIELD)
      .set(lane.row);
    c.const(0)
      .load(lane.block + DIGIT_END_FIELD)
      .set(lane.digitEnd);
  }

  c.block();
  c.loop();
  c.get(i).get(end).geU().brIf(1);
  for (const { block, row, step, digitEnd } of lanes) {
    c.get(i)
      .const(1)
      .shl()
      .load16(block + CODES_OFFSET)
      .const(1)
      .shl()
      .load16(STEP_BASE)
      .set(step);
    c.get(step).const(0xff).and().get(row).add().load(0).set(row);
    c.get(row).get(outputRow).geS().if();
    // Every pattern of the row's record: (id, index).
    c.get(row).load(RECORD_COLUMN).tee(record).load(0).set(remaining);
    c.const(0)
      .load(block + HIT_END_FIELD)
      .set(hitEnd);
    c.loop();
    c.get(record).const(4).add().set(record);
    c.get(hitEnd).get(record).load(0).store(0);
    c.get(hitEnd).get(i).store(4);
    c.get(hitEnd).const(8).add().set(hitEnd);
    c.get(remaining).const(1).sub().tee(remaining).brIf(0);
    c.end();
    c.const(0)
      .get(hitEnd)
      .store(block + HIT_END_FIELD);
    // Past the limit: this character is the call's last.
    c.get(hitEnd)
      .const(block + HITS_OFFSET)
      .sub()
      .get(hitLimit)
      .gtU()
      .if();
    c.get(i).const(1).add().set(end);
    c.end();
    c.end();
    // Every index goes in; the slot is kept (the end moves on) only for digits.
    c.get(digitEnd).get(i).store(0);
    c.get(step).const(6).shrU().const(4).and().get(digitEnd).add().set(digitEnd);
    c.get(step)
      .const(AT_FLAG | MONEY_FLAG)
      .and()
      .if();
    c.const(0)
      .load(block + MARK_END_FIELD)
      .tee(hitEnd);
    c.get(i).const(-1).get(i).sub().get(step).const(AT_FLAG).and().select().store(0);
    c.const(0)
      .get(hitEnd)
      .const(4)
      .add()
      .store(block + MARK_END_FIELD);
    c.end();
  }
  c.get(i).const(1).add().set(i);
  c.br(0);
  c.end();
  c.end();

  for (const lane of lanes) {
    c.const(0)
      .get(lane.row)
      .store(lane.block + ROW_FIELD);
    c.const(0)
      .get(lane.digitEnd)
      .store(lane.block + DIGIT_END_FIELD);
  }
  c.get(i);
  return { name: streams === 1 ? 'scan1' : 'scan2', params: 2, locals: count - 2, body: c };
}
