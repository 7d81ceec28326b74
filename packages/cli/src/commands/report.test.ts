import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditRecord } from '@switchyard/core';
import { formatUsd, summarizeCosts } from '@switchyard/cost';
import { describe, expect, it } from 'vitest';
import { tempDir, writeAuditFixture } from '../../test/audit-fixture';
import { captureIo } from '../../test/capture-io';
import { main } from '../main';

const readRecords = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditRecord);

describe('switchyard report', () => {
  it('reports spend, tokens, local share, savings and escalations by workload, data class and provider', async () => {
    const file = join(tempDir(), 'audit.jsonl');
    await writeAuditFixture(file);
    const summary = summarizeCosts(readRecords(file));
    const io = captureIo();
    expect(await main(['report', file], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain(`${summary.requests} requests`);
    expect(io.out).toMatch(new RegExp(`Cloud spend\\s+${escapeRegExp(formatUsd(summary.cloudUsd))}`));
    expect(io.out).toMatch(new RegExp(`Local cost\\s+${escapeRegExp(formatUsd(summary.localUsd))}`));
    expect(io.out).toMatch(new RegExp(`Savings\\s+${escapeRegExp(formatUsd(summary.savingsUsd))}`));
    expect(io.out).toMatch(/Served locally\s+66\.7%\s+16 of 24 answered/);
    expect(io.out).toMatch(/Escalations\s+3\s+12\.5% of requests/);
    for (const heading of [
      'Spend by workload',
      'Spend by data class',
      'Spend by provider',
      'Answers served',
    ]) {
      expect(io.out).toContain(heading);
    }
    for (const name of [
      'summarize',
      'patient-notes',
      'extract',
      'agent',
      'regulated',
      'local-qwen (local)',
      'anthropic (cloud)',
    ]) {
      expect(io.out).toContain(name);
    }
    expect(io.out).toMatch(/█/);
    expect(io.out).toMatch(/▒/);
  });

  it('reports bad and truncated lines with their line numbers, skips them, and goes on', async () => {
    const file = join(tempDir(), 'audit.jsonl');
    await writeAuditFixture(file);
    const good = readFileSync(file, 'utf8').trim().split('\n');
    const lines = [
      ...good.slice(0, 5),
      '{"version": 1, "timestamp": oops',
      ...good.slice(5),
      '{"hello": "world"}',
      '',
    ];
    const last = good[0]!;
    writeFileSync(file, `${lines.join('\n')}${last.slice(0, 40)}`);
    const io = captureIo();
    expect(await main(['report', file], io)).toBe(0);
    expect(io.err).toContain(`${file}:6: invalid JSON`);
    expect(io.err).toContain(`${file}:${good.length + 2}: unsupported version`);
    expect(io.err).toContain(`${file}:${good.length + 3}: truncated: the file ends mid-line`);
    expect(io.err.match(/line skipped/g)).toHaveLength(3);
    expect(io.out).toContain(`${good.length} requests`);
    expect(io.out).toContain('3 bad lines skipped');
  });

  it('caps the list of bad lines and counts the rest', async () => {
    const file = join(tempDir(), 'audit.jsonl');
    writeFileSync(file, `${Array.from({ length: 25 }, (_, index) => `not json ${index}`).join('\n')}\n`);
    const io = captureIo();
    expect(await main(['report', file], io)).toBe(0);
    expect(io.err.match(/line skipped/g)).toHaveLength(20);
    expect(io.err).toContain('5 more bad lines skipped (25 in all)');
    expect(io.out).toContain('0 requests');
  });

  it('writes a self-contained HTML report with SVG charts, escaping names', async () => {
    const folder = tempDir();
    const file = join(folder, 'audit.jsonl');
    await writeAuditFixture(file);
    const [first] = readRecords(file);
    appendFileSync(file, `${JSON.stringify({ ...first, workload: '<img src=x onerror=alert(1)>' })}\n`);
    const html = join(folder, 'report.html');
    const io = captureIo();
    expect(await main(['report', file, '--html', html], io)).toBe(0);
    expect(io.out).toContain(`HTML report written to ${html}`);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/<script|<link|src="http|href="http/);
    expect(page).toContain('Spend by workload');
  });

  it('prints the aggregate as JSON with --json', async () => {
    const file = join(tempDir(), 'audit.jsonl');
    await writeAuditFixture(file);
    const io = captureIo();
    expect(await main(['report', file, '--json'], io)).toBe(0);
    const parsed = JSON.parse(io.out);
    expect(parsed.total.requests).toBe(24);
    expect(parsed.byWorkload.summarize.servedLocal).toBe(12);
    expect(parsed.byProvider['local-qwen'].kind).toBe('local');
  });

  it('prices records written without the meter from --hardware and --shadow', async () => {
    const file = join(tempDir(), 'audit.jsonl');
    const meter = await writeAuditFixture(file, { meter: false });
    expect(readRecords(file).every((record) => record.cost === undefined)).toBe(true);
    const bare = captureIo();
    expect(await main(['report', file, '--json'], bare)).toBe(0);
    const unpriced = JSON.parse(bare.out).total;
    expect(unpriced.unmetered).toBe(0);
    expect(JSON.parse(bare.out).repriced).toBe(24);
    // Cloud calls are priced from the catalog; local ones stay unknown without --hardware.
    expect(unpriced.unknownCost).toBe(19);
    expect(unpriced.cloudUsd).toBeGreaterThan(0);
    const text = captureIo();
    await main(['report', file], text);
    expect(text.out).toContain('local calls unpriced (pass --hardware)');

    const priced = captureIo();
    expect(
      await main(
        ['report', file, '--json', '--hardware', 'mac-studio-m3-ultra-256gb', '--shadow', 'gpt-4o-mini'],
        priced,
      ),
    ).toBe(0);
    const total = JSON.parse(priced.out).total;
    expect(total.unknownCost).toBe(0);
    expect(total.localUsd).toBeGreaterThan(0);
    expect(total.allCloudUsd).toBeGreaterThan(0);
    expect(meter.totals().requests).toBe(0);
  });

  it('shows progress on a terminal stderr for large files only', async () => {
    const folder = tempDir();
    const file = join(folder, 'audit.jsonl');
    await writeAuditFixture(file);
    const lines = readFileSync(file, 'utf8');
    const big = join(folder, 'big.jsonl');
    writeFileSync(big, lines.repeat(Math.ceil((5 * 1024 * 1024) / lines.length)));
    expect(statSync(big).size).toBeGreaterThan(4 * 1024 * 1024);

    const terminal = captureIo({ stderrIsTty: true });
    expect(await main(['report', big], terminal)).toBe(0);
    expect(terminal.err).toMatch(/\rReading big\.jsonl: +\d+% \([\d,]+ of [\d,]+ MB\)/);
    expect(terminal.err).toContain('100%');

    const piped = captureIo({ stderrIsTty: false });
    expect(await main(['report', big], piped)).toBe(0);
    expect(piped.err).toBe('');

    const small = captureIo({ stderrIsTty: true });
    expect(await main(['report', file], small)).toBe(0);
    expect(small.err).toBe('');
  });

  it('fails cleanly on usage errors and unreadable files', async () => {
    const cases: [string[], number, RegExp][] = [
      [['report'], 2, /missing <audit\.jsonl>/],
      [['report', 'a.jsonl', 'b.jsonl'], 2, /unexpected argument 'b\.jsonl'/],
      [['report', 'a.jsonl', '--colour'], 2, /Unknown option '--colour'/],
      [['report', 'a.jsonl', '--hardware', 'tpu'], 2, /unknown hardware preset 'tpu'/],
      [['report', 'a.jsonl', '--shadow', 'gpt-99'], 2, /no price for model 'gpt-99'/],
      [['report', join(tempDir(), 'missing.jsonl')], 1, /cannot read .*missing\.jsonl/],
    ];
    for (const [argv, code, message] of cases) {
      const io = captureIo();
      expect(await main(argv, io), argv.join(' ')).toBe(code);
      expect(io.err).toMatch(message);
    }
    const help = captureIo();
    expect(await main(['report', '--help'], help)).toBe(0);
    expect(help.out).toContain('Usage: switchyard report');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[$.*+?^(){}|[\]\\]/g, '\\$&');
}
