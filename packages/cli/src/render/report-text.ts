import type { GroupStats } from '@switchyard/cost';
import { type BarRow, renderBars } from './bar-chart';
import { fit, formatCompact, formatCount, formatPercent, formatUsd, right } from './format';
import { MAX_ROWS, type ReportModel, escalationShare, sortedGroups, sortedProviders } from './report-model';

function groupRows(groups: Record<string, GroupStats>): { rows: BarRow[]; more: number } {
  const sorted = sortedGroups(groups);
  const rows = sorted.slice(0, MAX_ROWS).map(([name, group]) => ({
    label: name,
    parts: [group.cloudUsd, group.localUsd] as [number, number],
    note: [
      right(formatUsd(group.totalUsd), 12),
      right(`${formatCompact(group.requests)} req`, 11),
      right(`${formatPercent(group.localShare, 0)} local`, 12),
      right(`${formatPercent(escalationShare(group), 0)} escalated`, 16),
      `  saved ${formatUsd(group.savingsUsd)}`,
    ].join(''),
  }));
  return { rows, more: Math.max(0, sorted.length - MAX_ROWS) };
}

function section(title: string, body: string, more = 0): string {
  return `${title}\n${body}${more > 0 ? `  … ${more} more\n` : ''}\n`;
}

/** The terminal report: totals, then bar charts by workload, data class and provider. */
export function renderReportText(model: ReportModel): string {
  const { aggregate } = model;
  const total = aggregate.total;
  const answered = total.servedLocal + total.servedCloud;
  const period =
    aggregate.firstTimestamp && aggregate.lastTimestamp
      ? ` from ${aggregate.firstTimestamp.slice(0, 16)} to ${aggregate.lastTimestamp.slice(0, 16)} (${aggregate.spanDays.toFixed(1)} days)`
      : '';
  const out: string[] = [];
  out.push(`Switchyard cost report: ${model.file}`);
  out.push(
    `${formatCount(total.requests)} requests${period}${model.badLines > 0 ? `; ${formatCount(model.badLines)} bad line${model.badLines === 1 ? '' : 's'} skipped` : ''}`,
  );
  out.push('');
  const line = (label: string, value: string, note = '') =>
    out.push(`  ${fit(label, 17)} ${right(value, 14)}  ${note}`.trimEnd());
  out.push('Totals');
  line('Cloud spend', formatUsd(total.cloudUsd));
  line('Local cost', formatUsd(total.localUsd), 'amortized hardware, power, cooling, engineering');
  line('Total', formatUsd(total.totalUsd));
  line('All-cloud', formatUsd(total.allCloudUsd), 'the same answers from cloud alone');
  line('Savings', formatUsd(total.savingsUsd), `${formatPercent(total.savingsShare)} versus all-cloud`);
  line(
    'Served locally',
    formatPercent(total.localShare),
    `${formatCount(total.servedLocal)} of ${formatCount(answered)} answered`,
  );
  line(
    'Escalations',
    formatCount(total.escalations),
    `${formatPercent(escalationShare(total))} of requests; discarded answers cost ${formatUsd(total.discardedUsd)}`,
  );
  line('Tokens', `${formatCompact(total.inputTokens)} in`, `${formatCompact(total.outputTokens)} out`);
  if (total.failed > 0) line('Failed requests', formatCount(total.failed));
  if (total.unknownCost > 0)
    line(
      'Unpriced',
      formatCount(total.unknownCost),
      'requests with an unknown price (left out of the totals)',
    );
  if (aggregate.repriced > 0)
    line('No cost field', formatCount(aggregate.repriced), model.unmeteredNote ?? '');
  out.push('');

  const legend = '(█ cloud  ▒ local)';
  const workloads = groupRows(aggregate.byWorkload);
  out.push(section(`Spend by workload ${legend}`, renderBars(workloads.rows), workloads.more).trimEnd(), '');
  const classes = groupRows(aggregate.byDataClass);
  out.push(section(`Spend by data class ${legend}`, renderBars(classes.rows), classes.more).trimEnd(), '');

  const providers = sortedProviders(aggregate.byProvider);
  const providerRows: BarRow[] = providers.slice(0, MAX_ROWS).map((provider) => ({
    label: `${provider.provider} (${provider.kind})`,
    parts: provider.kind === 'cloud' ? [provider.usd, 0] : [0, provider.usd],
    note: [
      right(formatUsd(provider.usd), 12),
      right(`${formatCompact(provider.calls)} calls`, 12),
      right(`${formatCompact(provider.inputTokens + provider.outputTokens)} tok`, 11),
      provider.kind === 'local' ? `  busy ${(provider.busySeconds / 3_600).toFixed(1)} h` : '',
      provider.unpriced > 0 ? `  ${formatCount(provider.unpriced)} unpriced` : '',
    ].join(''),
  }));
  out.push(
    section(
      'Spend by provider',
      renderBars(providerRows),
      Math.max(0, providers.length - MAX_ROWS),
    ).trimEnd(),
    '',
  );

  out.push(
    section(
      'Answers served (█ local  ▒ cloud)',
      renderBars([
        { label: 'local', parts: [total.servedLocal], note: `  ${formatPercent(total.localShare)}` },
        {
          label: 'cloud',
          parts: [0, total.servedCloud],
          note: `  ${formatPercent(answered === 0 ? 0 : total.servedCloud / answered)}`,
        },
      ]),
    ).trimEnd(),
  );
  return `${out.join('\n')}\n`;
}
