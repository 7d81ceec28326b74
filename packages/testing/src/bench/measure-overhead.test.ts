import { ConfigError } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureOverhead, median } from './measure-overhead';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('measureOverhead', () => {
  afterEach(() => vi.restoreAllMocks());

  it('compares the figures the cases report, alternating the order, and judges them against the target', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const order: string[] = [];
    const results = await measureOverhead(
      'test',
      [
        {
          name: 'within',
          async baseline() {
            order.push('b');
            return 10;
          },
          async adapter() {
            order.push('a');
            return 10.4;
          },
        },
        { name: 'over', baseline: async () => 10, adapter: async () => 11 },
      ],
      { iterations: 4, warmup: 1, baselineLabel: 'sdk' },
    );
    expect(order).toEqual(['b', 'a', 'b', 'a', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(results.map((result) => [result.name, result.pass])).toEqual([
      ['within', true],
      ['over', false],
    ]);
    expect(results[0]!.ratio).toBeCloseTo(1.04);
    const rows = table.mock.calls[0]![0] as Record<string, string>[];
    expect(rows[1]).toMatchObject({
      case: 'over',
      'sdk p50 (ms)': '10.0000',
      added: '10.00 %',
      verdict: 'FAIL',
    });
  });

  it('refuses bad options and cases with a typed error naming the field', async () => {
    const ok = { name: 'x', baseline: async () => 1, adapter: async () => 1 };
    for (const [cases, options, field] of [
      [[ok], { iterations: 0 }, 'measureOverhead.iterations'],
      [[ok], { iterations: Number.NaN }, 'measureOverhead.iterations'],
      [[ok], { warmup: -1 }, 'measureOverhead.warmup'],
      [[ok], { target: Number.POSITIVE_INFINITY }, 'measureOverhead.target'],
      [[], {}, 'measureOverhead.cases'],
      [[{ name: 'y', baseline: async () => 1 }], {}, 'measureOverhead.cases[0]'],
    ] as const) {
      const error = await measureOverhead('test', cases as never, options).catch((caught: unknown) => caught);
      expect(ConfigError.isInstance(error), String(error)).toBe(true);
      expect((error as ConfigError).field).toBe(field);
    }
  });

  it('times the whole call when a case reports nothing', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'table').mockImplementation(() => {});
    const pause = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined));
    const [result] = await measureOverhead(
      'test',
      [{ name: 'slow', baseline: () => pause(1), adapter: () => pause(30) }],
      {
        iterations: 2,
        warmup: 0,
      },
    );
    expect(result!.adapterP50Ms).toBeGreaterThanOrEqual(29);
    expect(result!.pass).toBe(false);
  });
});
