import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { defaultPriceEntries } from './default-prices';
import { loadPriceCatalog } from './load-price-catalog';
import { createPriceCatalog } from './price-catalog';

describe('built-in catalog', () => {
  it('covers the model families people use now, each dated and sourced', () => {
    const catalog = createPriceCatalog();
    for (const model of [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'o3',
      'o4-mini',
      'claude-opus-4-6',
      'claude-sonnet-4-6',
      'claude-haiku-4-5',
    ]) {
      expect(catalog.resolve(model)?.id, model).toBe(model);
    }
    for (const entry of defaultPriceEntries()) {
      expect(entry.asOf, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.source, entry.id).toMatch(/^https:\/\/(platform\.openai\.com|platform\.claude\.com)\//);
    }
  });

  it("has Anthropic's cache-write rates at 1.25× (5 minutes) and 2× (1 hour) input, reads at 0.1×", () => {
    // Claude Haiku 3 predates the multipliers: its page lists $0.30 writes and $0.03 reads on $0.25 input.
    const current = defaultPriceEntries().filter(
      (candidate) => candidate.provider === 'anthropic' && candidate.id !== 'claude-3-haiku',
    );
    expect(current.length).toBeGreaterThanOrEqual(8);
    for (const entry of current) {
      expect(entry.cacheWritePerMTok, entry.id).toBeCloseTo(entry.inputPerMTok * 1.25, 10);
      expect(entry.cacheWrite1hPerMTok, entry.id).toBeCloseTo(entry.inputPerMTok * 2, 10);
      expect(entry.cacheReadPerMTok, entry.id).toBeCloseTo(entry.inputPerMTok * 0.1, 10);
      expect(entry.batchDiscount).toBe(0.5);
    }
  });

  it('matches the guide’s list prices for GPT-4o and Claude Sonnet 4.6', () => {
    const catalog = createPriceCatalog();
    expect(catalog.resolve('gpt-4o')).toMatchObject({ inputPerMTok: 2.5, outputPerMTok: 10 });
    expect(catalog.resolve('claude-sonnet-4-6')).toMatchObject({ inputPerMTok: 3, outputPerMTok: 15 });
  });
});

describe('resolve', () => {
  const catalog = createPriceCatalog();

  it('resolves aliases, dated snapshots, vendor prefixes and -latest', () => {
    expect(catalog.resolve('gpt-4o-2024-08-06')?.id).toBe('gpt-4o');
    expect(catalog.resolve('gpt-4o-mini-2024-07-18')?.id).toBe('gpt-4o-mini');
    expect(catalog.resolve('claude-haiku-4-5-20251001')?.id).toBe('claude-haiku-4-5');
    expect(catalog.resolve('claude-sonnet-4-6-20260301')?.id).toBe('claude-sonnet-4-6');
    expect(catalog.resolve('openai/gpt-4.1-mini')?.id).toBe('gpt-4.1-mini');
    expect(catalog.resolve('claude-3-5-haiku-latest')?.id).toBe('claude-3-5-haiku');
    expect(catalog.resolve('GPT-4o')?.id).toBe('gpt-4o');
  });

  it('keeps a snapshot with its own price distinct from the family', () => {
    expect(catalog.resolve('gpt-4o-2024-05-13')).toMatchObject({ id: 'gpt-4o-2024-05-13', inputPerMTok: 5 });
  });

  it('returns undefined for unknown models (no guess, no zero price)', () => {
    expect(catalog.resolve('llama-3-70b')).toBeUndefined();
    expect(catalog.resolve('gpt-4o-mega')).toBeUndefined();
  });
});

describe('overrides and files', () => {
  const custom = {
    id: 'gpt-4o',
    provider: 'openai',
    inputPerMTok: 2,
    outputPerMTok: 8,
    asOf: '2026-12-01',
    source: 'https://example.com/negotiated',
  };

  it('lets user entries replace built-in ones and add new ones', () => {
    const catalog = createPriceCatalog({
      entries: [custom, { ...custom, id: 'acme-model', aliases: ['acme-model-v2'] }],
    });
    expect(catalog.resolve('gpt-4o-2024-11-20')?.inputPerMTok).toBe(2);
    expect(catalog.resolve('acme-model-v2')?.id).toBe('acme-model');
    expect(catalog.resolve('gpt-4o-mini')?.inputPerMTok).toBe(0.15);
    const extended = createPriceCatalog().with([{ ...custom, id: 'later' }]);
    expect(extended.resolve('later')?.outputPerMTok).toBe(8);
  });

  it('can start empty', () => {
    expect(createPriceCatalog({ includeDefaults: false }).resolve('gpt-4o')).toBeUndefined();
  });

  it('loads a catalog file and validates it, naming the bad field', () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchyard-prices-'));
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify({ version: 1, models: [custom] }));
    expect(createPriceCatalog({ entries: loadPriceCatalog(good) }).resolve('gpt-4o')?.source).toBe(
      'https://example.com/negotiated',
    );

    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, models: [custom, { ...custom, outputPerMTok: -1 }] }));
    expect(() => loadPriceCatalog(bad)).toThrow(/models\[1\]\.outputPerMTok: must not be negative/);
    try {
      loadPriceCatalog(bad);
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('models[1].outputPerMTok');
    }

    const typo = join(folder, 'typo.json');
    writeFileSync(typo, JSON.stringify({ version: 1, models: [{ ...custom, inputPerMtok: 1 }] }));
    expect(() => loadPriceCatalog(typo)).toThrow(/unknown option 'inputPerMtok'/);

    const undated = join(folder, 'undated.json');
    const { asOf: _omitted, ...withoutDate } = custom;
    writeFileSync(undated, JSON.stringify({ version: 1, models: [withoutDate] }));
    expect(() => loadPriceCatalog(undated)).toThrow(/models\[0\]\.asOf/);

    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"version": 1, "models": [');
    expect(() => loadPriceCatalog(broken)).toThrow(/not valid JSON/);
    expect(() => loadPriceCatalog(join(folder, 'missing.json'))).toThrow(ConfigError);
  });

  it('rejects bad options with a ConfigError', () => {
    expect(() => createPriceCatalog({ entries: [{ ...custom, batchDiscount: 2 }] })).toThrow(
      /entries\[0\]\.batchDiscount: must be between 0 and 1/,
    );
  });
});
