import type { GroupStats } from '@switchyard/cost';
import { formatCompact, formatCount, formatPercent, formatUsd } from './format';
import { MAX_ROWS, type ReportModel, escalationShare, sortedGroups, sortedProviders } from './report-model';
import { escapeXml, svgBarChart } from './svg-bar-chart';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 960px; color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: right; padding: 4px 8px; border-bottom: 1px solid #e4e4e7; }
th:first-child, td:first-child { text-align: left; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.card { border: 1px solid #e4e4e7; border-radius: 8px; padding: 10px 14px; }
.card b { display: block; font-size: 1.3rem; }
.muted { color: #6b7280; font-size: 0.85rem; }
`;

function groupTable(groups: Record<string, GroupStats>, heading: string): string {
  const rows = sortedGroups(groups)
    .slice(0, MAX_ROWS * 4)
    .map(
      ([name, group]) =>
        `<tr><td>${escapeXml(name)}</td><td>${formatCount(group.requests)}</td><td>${formatCompact(group.inputTokens + group.outputTokens)}</td>` +
        `<td>${formatUsd(group.cloudUsd)}</td><td>${formatUsd(group.localUsd)}</td><td>${formatPercent(group.localShare)}</td>` +
        `<td>${formatPercent(escalationShare(group))}</td><td>${formatUsd(group.savingsUsd)}</td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>${escapeXml(heading)}</th><th>Requests</th><th>Tokens</th><th>Cloud</th><th>Local</th>` +
    `<th>Local share</th><th>Escalated</th><th>Saved</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function groupChart(groups: Record<string, GroupStats>, title: string): string {
  return svgBarChart(
    sortedGroups(groups)
      .slice(0, MAX_ROWS)
      .map(([name, group]) => ({
        label: name,
        values: [group.cloudUsd, group.localUsd],
        note: `${formatUsd(group.totalUsd)} · ${formatPercent(group.localShare, 0)} local`,
      })),
    { title, legend: ['cloud', 'local'] },
  );
}

/** A self-contained HTML report (inline CSS and SVG; no script, no external resource). */
export function renderReportHtml(model: ReportModel): string {
  const { aggregate } = model;
  const total = aggregate.total;
  const answered = total.servedLocal + total.servedCloud;
  const card = (label: string, value: string, note = '') =>
    `<div class="card">${escapeXml(label)}<b>${escapeXml(value)}</b><span class="muted">${escapeXml(note)}</span></div>`;
  const providers = sortedProviders(aggregate.byProvider);
  const providerChart = svgBarChart(
    providers.slice(0, MAX_ROWS).map((provider) => ({
      label: `${provider.provider} (${provider.kind})`,
      values: provider.kind === 'cloud' ? [provider.usd, 0] : [0, provider.usd],
      note: `${formatUsd(provider.usd)} · ${formatCompact(provider.calls)} calls`,
    })),
    { title: 'Spend by provider', legend: ['cloud', 'local'] },
  );
  const providerRows = providers
    .map(
      (provider) =>
        `<tr><td>${escapeXml(provider.provider)}</td><td>${provider.kind}</td><td>${formatCount(provider.calls)}</td>` +
        `<td>${formatCount(provider.served)}</td><td>${formatCompact(provider.inputTokens)}</td><td>${formatCompact(provider.outputTokens)}</td>` +
        `<td>${formatUsd(provider.usd)}</td><td>${provider.kind === 'local' ? `${(provider.busySeconds / 3_600).toFixed(2)} h` : ''}</td></tr>`,
    )
    .join('');
  const servedChart = svgBarChart(
    [
      { label: 'local', values: [total.servedLocal, 0], note: formatPercent(total.localShare) },
      {
        label: 'cloud',
        values: [0, total.servedCloud],
        note: formatPercent(answered === 0 ? 0 : total.servedCloud / answered),
      },
    ],
    { title: 'Answers served locally and by cloud', colors: ['#33a36b', '#2f6fdf'] },
  );
  const period =
    aggregate.firstTimestamp && aggregate.lastTimestamp
      ? `${aggregate.firstTimestamp} to ${aggregate.lastTimestamp} (${aggregate.spanDays.toFixed(1)} days)`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard cost report: ${escapeXml(model.file)}</title><style>${STYLE}</style></head>
<body>
<h1>Switchyard cost report</h1>
<p class="muted">${escapeXml(model.file)} · ${formatCount(total.requests)} requests · ${escapeXml(period)}${model.badLines > 0 ? ` · ${formatCount(model.badLines)} bad lines skipped` : ''}</p>
<div class="cards">
${card('Cloud spend', formatUsd(total.cloudUsd))}
${card('Local cost', formatUsd(total.localUsd), 'amortized ownership')}
${card('All-cloud', formatUsd(total.allCloudUsd), 'same answers from cloud alone')}
${card('Savings', formatUsd(total.savingsUsd), `${formatPercent(total.savingsShare)} versus all-cloud`)}
${card('Served locally', formatPercent(total.localShare), `${formatCount(total.servedLocal)} of ${formatCount(answered)}`)}
${card('Escalations', formatCount(total.escalations), `discarded answers ${formatUsd(total.discardedUsd)}`)}
</div>
${total.unknownCost > 0 ? `<p class="muted">${formatCount(total.unknownCost)} requests had an unknown price and are left out of the dollar totals.</p>` : ''}
${aggregate.repriced > 0 ? `<p class="muted">${formatCount(aggregate.repriced)} requests had no cost field; ${escapeXml(model.unmeteredNote ?? '')}.</p>` : ''}
<h2>Spend by workload</h2>
${groupChart(aggregate.byWorkload, 'Spend by workload')}
${groupTable(aggregate.byWorkload, 'Workload')}
<h2>Spend by data class</h2>
${groupChart(aggregate.byDataClass, 'Spend by data class')}
${groupTable(aggregate.byDataClass, 'Data class')}
<h2>Spend by provider</h2>
${providerChart}
<table><thead><tr><th>Provider</th><th>Kind</th><th>Calls</th><th>Served</th><th>Input tokens</th><th>Output tokens</th><th>Spend</th><th>Busy</th></tr></thead><tbody>${providerRows}</tbody></table>
<h2>Local versus cloud</h2>
${servedChart}
</body></html>
`;
}
