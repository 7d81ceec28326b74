import type { RoutingPlan } from '@switchyard/cost';
import { renderBars } from './bar-chart';
import { fit, formatCompact, formatPercent, formatUsd, right } from './format';

/** Whole dollars for large amounts, cents (or more digits) for small ones. */
const money = (value: number) =>
  Math.abs(value) >= 1_000
    ? `${value < 0 ? '-' : ''}$${Math.round(Math.abs(value)).toLocaleString('en-US')}`
    : formatUsd(value);

/** The terminal rendering of a routing plan. */
export function renderPlanText(
  plan: RoutingPlan,
  context: { source: string; notes: string[]; beforeLabel?: string },
): string {
  const out: string[] = [];
  out.push(`Switchyard routing plan: ${context.source}`);
  for (const note of context.notes) out.push(`  note: ${note}`);
  out.push('');
  out.push(
    `API spend if all-cloud: ${money(plan.band.annualApiSpendUsd)} a year: ${plan.band.band} band (${plan.band.note})`,
  );
  out.push('');

  out.push(
    `${fit('Workloads', 24)}${right('req/yr', 9)}${right('cloud $/yr', 13)}${right('gap $/yr', 12)}${right('cost', 6)}${right('compl', 6)}${right('capab', 6)}  placement`,
  );
  for (const workload of plan.workloads) {
    out.push(
      `  ${fit(workload.workload, 22)}${right(formatCompact(workload.requestsPerYear), 9)}${right(money(workload.annualCloudUsd), 13)}` +
        `${right(money(workload.annualGapUsd), 12)}${right(workload.scores.cost.toFixed(2), 6)}${right(workload.scores.compliance.toFixed(2), 6)}` +
        `${right(workload.scores.capability.toFixed(2), 6)}  ${fit(workload.placement, 15)}${workload.reason}`,
    );
  }
  out.push('');

  const hardware = plan.hardware;
  const tco = hardware.unitTco;
  out.push('Hardware');
  if (hardware.units === 0) {
    out.push(`  none: nothing moves local on ${tco.name}`);
  } else {
    out.push(
      `  Units              ${hardware.units} × ${tco.name} at ${formatPercent(hardware.utilization, 0)} utilization`,
    );
    out.push(
      `  Annual TCO         ${money(hardware.annualTcoUsd)} (per unit: hardware ${money(tco.hardwareUsd)}, power ${money(tco.powerUsd)}, ` +
        `cooling ${money(tco.coolingUsd)}, engineering ${money(tco.engineeringUsd)}, rental ${money(tco.rentalUsd)}, other ${money(tco.otherUsd)})`,
    );
    out.push(
      `  Cost per 1M tokens ${formatUsd(tco.usdPerMTok)} at ${formatPercent(hardware.utilization, 0)} busy (${formatUsd(tco.usdPerMTokAtFullLoad)} at full load: idle hardware is expensive)`,
    );
    out.push(`  Upfront            ${money(hardware.upfrontUsd)} (hardware and one-time setup)`);
  }
  out.push('');

  out.push(
    `${fit('Hybrid split, per year', 24)}${right('local share', 12)}${right('cloud', 14)}${right('local', 14)}${right('total', 14)}`,
  );
  const split = (label: string, value: RoutingPlan['after']) =>
    out.push(
      `  ${fit(label, 22)}${right(formatPercent(value.localShareRequests), 12)}${right(money(value.cloudUsd), 14)}${right(money(value.localUsd), 14)}${right(money(value.totalUsd), 14)}`,
    );
  split(context.beforeLabel ?? 'now (from the log)', plan.before);
  split('all-cloud', plan.allCloud);
  split('planned', plan.after);
  out.push(
    renderBars(
      [
        {
          label: 'now',
          parts: [plan.before.cloudUsd, plan.before.localUsd],
          note: money(plan.before.totalUsd),
        },
        { label: 'all-cloud', parts: [plan.allCloud.cloudUsd, 0], note: money(plan.allCloud.totalUsd) },
        {
          label: 'planned',
          parts: [plan.after.cloudUsd, plan.after.localUsd],
          note: money(plan.after.totalUsd),
        },
      ],
      { labelWidth: 10 },
    ).trimEnd(),
  );
  out.push('  (█ cloud  ▒ local)');
  out.push('');
  out.push(
    `Savings     ${money(plan.annualSavingsUsd)} a year versus all-cloud (${formatPercent(plan.savingsShare)}); ` +
      `${money(plan.before.totalUsd - plan.after.totalUsd)} versus now`,
  );
  if (hardware.units > 0) {
    out.push(
      `Break-even  ${money(plan.breakEven.annualApiSpendUsd)} a year of API spend (${formatCompact(plan.breakEven.annualTokens)} tokens) must move local; ` +
        `this plan moves ${money(plan.breakEven.movedApiSpendUsd)}`,
    );
    out.push(
      `Payback     ${plan.paybackMonths === null ? 'never at these volumes' : `${plan.paybackMonths.toFixed(1)} months`}`,
    );
  }
  out.push('');
  out.push(plan.summary);
  return `${out.join('\n')}\n`;
}
