import { writeFile } from 'node:fs/promises';
import { aggregateAuditFile } from '../audit/aggregate-audit-file';
import { renderReportHtml } from '../render/report-html';
import { renderReportText } from '../render/report-text';
import type { Command, CommandIo } from './command';
import { numberFlag, parseCommandArgs } from './parse-command-args';
import { unmeteredPricer } from '../audit/unmetered-pricer';

const USAGE = `Usage: switchyard report <audit.jsonl> [--html report.html] [--json]

Spend and tokens by workload, data class and provider from a Switchyard audit log; the share served
locally, savings versus all-cloud, and escalations, with terminal bar charts. The file is streamed:
memory stays flat. Bad or truncated lines are reported with their line number and skipped.

--html FILE        Also write a self-contained HTML report with SVG charts.
--json             Print the totals as JSON instead of text.
--threads N        Threads that parse the file. Default: one per core (up to 4) for files over 32 MB.

Records written without the cost meter (no "cost" field) are priced here:
--hardware PRESET  Price local calls as this hardware preset (mac-studio-m3-ultra-256gb, rtx-4090,
                   l40s, 2x-h100-owned, h100-rented). Without it they are left unpriced.
--prices FILE      Cloud price catalog JSON (default: the built-in dated catalog).
--shadow MODEL     Compare local answers with this cloud model for savings (repeatable).`;

const OPTIONS = {
  html: { type: 'string' },
  json: { type: 'boolean' },
  hardware: { type: 'string' },
  prices: { type: 'string' },
  shadow: { type: 'string', multiple: true },
  threads: { type: 'string' },
} as const;

function usageError(io: CommandIo, message: string): number {
  io.stderr(`switchyard report: ${message}\n\n${USAGE}\n`);
  return 2;
}

/** `switchyard report <audit.jsonl>`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Spend, tokens, local share, savings and escalations from an audit log',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, OPTIONS);
    if (!parsed.ok) return usageError(io, parsed.message);
    const [file, ...extra] = parsed.positionals;
    if (file === undefined) return usageError(io, 'missing <audit.jsonl>');
    if (extra.length > 0) return usageError(io, `unexpected argument '${extra[0]}' (one audit file only)`);
    const { values } = parsed;
    const threads = numberFlag('threads', values.threads, { min: 1, max: 64, integer: true });
    if (typeof threads === 'string') return usageError(io, threads);
    const pricingFlags = { hardware: values.hardware, prices: values.prices, shadow: values.shadow };
    const pricing = unmeteredPricer(pricingFlags);
    if (typeof pricing === 'string') return usageError(io, pricing);

    let result: Awaited<ReturnType<typeof aggregateAuditFile>>;
    try {
      result = await aggregateAuditFile(file, io, pricingFlags, threads === undefined ? {} : { threads });
    } catch (error) {
      io.stderr(`switchyard report: cannot read ${file}: ${(error as Error).message}\n`);
      return 1;
    }
    const model = {
      file,
      aggregate: result.aggregate,
      badLines: result.stats.badLines,
      unmeteredNote: result.aggregate.repriced > 0 ? pricing.note : undefined,
    };
    if (values.json) {
      io.stdout(`${JSON.stringify({ file, badLines: model.badLines, ...result.aggregate }, null, 2)}\n`);
    } else {
      io.stdout(renderReportText(model));
    }
    if (values.html !== undefined) {
      try {
        await writeFile(values.html, renderReportHtml(model), 'utf8');
      } catch (error) {
        io.stderr(`switchyard report: cannot write ${values.html}: ${(error as Error).message}\n`);
        return 1;
      }
      if (!values.json) io.stdout(`HTML report written to ${values.html}\n`);
    }
    return 0;
  },
};
