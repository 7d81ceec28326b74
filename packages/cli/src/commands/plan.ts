import { SwitchyardError } from '@switchyard/core';
import {
  HARDWARE_PRESET_NAMES,
  isHardwarePreset,
  type LocalDeployment,
  type LocalDeploymentInput,
  planFromSpend,
  planRouting,
  profilesFromAggregate,
  type RoutingPlan,
  resolveLocalDeployment,
  type WorkloadKind,
} from '@switchyard/cost';
import { aggregateAuditFile } from '../audit/aggregate-audit-file';
import { renderPlanText } from '../render/plan-text';
import type { Command, CommandIo } from './command';
import { numberFlag, parseCommandArgs } from './parse-command-args';
import { unmeteredPricer } from '../audit/unmetered-pricer';

const USAGE = `Usage: switchyard plan <audit.jsonl> --hardware <preset> [options]
       switchyard plan --spend <usd-per-year> --hardware <preset> [--commodity-share 0.5] [options]

Scores each workload on cost (volume × price gap), compliance (its data classes) and capability
(escalation rate and task kind), recommends what to move local, and reports the hardware needed,
annual TCO, break-even volume, payback in months and the resulting hybrid split.

--hardware PRESET        mac-studio-m3-ultra-256gb, rtx-4090, l40s, 2x-h100-owned or h100-rented (required).
--set FIELD=VALUE        Override a preset parameter (repeatable), e.g. --set utilization=0.4
                         --set electricityUsdPerKwh=0.3 --set throughputTokensPerSecond=1800.
--setup-usd USD          One-time cost of the move (integration, evaluation). Default 0.
--units N                Plan for exactly N units instead of sizing from volume.
--max-utilization R      Highest planned utilization of a unit (0-1). Default 0.8.
--kind WORKLOAD=KIND     Task kind of a workload: commodity, general or complex (repeatable).
                         Default: guessed from its name.
--period-days N          Days the audit log covers. Default: from its timestamps (at least 1).
--json                   Print the plan as JSON.
--threads N              Threads that parse the audit file. Default: one per core (up to 4) for files over 32 MB.

Without an audit log:
--spend USD              Annual API spend.
--commodity-share R      Share of that spend that is commodity work (0-1). Default 0.5.
--blended-price USD      Blended cloud price per million tokens. Default 4.375 (gpt-4o, 3:1 input:output).

Records without a cost field are priced with the built-in catalog (--prices FILE to change it).`;

const OPTIONS = {
  hardware: { type: 'string' },
  set: { type: 'string', multiple: true },
  'setup-usd': { type: 'string' },
  units: { type: 'string' },
  'max-utilization': { type: 'string' },
  kind: { type: 'string', multiple: true },
  'period-days': { type: 'string' },
  json: { type: 'boolean' },
  spend: { type: 'string' },
  'commodity-share': { type: 'string' },
  'blended-price': { type: 'string' },
  prices: { type: 'string' },
  threads: { type: 'string' },
} as const;

const KINDS = new Set<WorkloadKind>(['commodity', 'general', 'complex']);
const NUMERIC_FIELDS = new Set<keyof LocalDeployment>([
  'hardwareUsd',
  'amortizationYears',
  'powerWatts',
  'idlePowerWatts',
  'electricityUsdPerKwh',
  'coolingOverhead',
  'engineerShare',
  'engineerAnnualUsd',
  'rentalUsdPerHour',
  'rentalHoursPerYear',
  'otherAnnualUsd',
  'throughputTokensPerSecond',
  'prefillTokensPerSecond',
  'utilization',
]);

function usageError(io: CommandIo, message: string): number {
  io.stderr(`switchyard plan: ${message}\n\n${USAGE}\n`);
  return 2;
}

/** `--set a=1 --set b=2` on top of a preset, validated. */
function hardwareFrom(preset: string, sets: readonly string[]): LocalDeploymentInput | string {
  if (!isHardwarePreset(preset)) {
    return `unknown hardware preset '${preset}' (known: ${HARDWARE_PRESET_NAMES.join(', ')})`;
  }
  const overrides: Partial<LocalDeployment> = {};
  for (const entry of sets) {
    const [field, value] = entry.split('=', 2) as [string, string | undefined];
    if (value === undefined) return `--set needs FIELD=VALUE, got '${entry}'`;
    if (field === 'name') {
      overrides.name = value;
      continue;
    }
    if (!NUMERIC_FIELDS.has(field as keyof LocalDeployment)) {
      return `--set: unknown field '${field}' (fields: name, ${[...NUMERIC_FIELDS].join(', ')})`;
    }
    const number = numberFlag(`set ${field}`, value);
    if (typeof number === 'string') return number;
    (overrides as Record<string, number>)[field] = number!;
  }
  const input = { preset, ...overrides } as LocalDeploymentInput;
  try {
    resolveLocalDeployment(input, 'hardware', '--set');
  } catch (error) {
    return (error as Error).message;
  }
  return input;
}

/** `switchyard plan`. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'Which workloads to move local, on what hardware, and what it saves',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, OPTIONS);
    if (!parsed.ok) return usageError(io, parsed.message);
    const { values, positionals } = parsed;
    if (values.hardware === undefined) return usageError(io, 'missing --hardware <preset>');
    const hardware = hardwareFrom(values.hardware, values.set ?? []);
    if (typeof hardware === 'string') return usageError(io, hardware);

    const numbers: Record<string, number | undefined> = {};
    const checks: [string, string | undefined, Parameters<typeof numberFlag>[2]][] = [
      ['setup-usd', values['setup-usd'], { min: 0 }],
      ['units', values.units, { min: 1, integer: true }],
      ['max-utilization', values['max-utilization'], { min: 0.01, max: 1 }],
      ['period-days', values['period-days'], { min: 1e-9 }],
      ['spend', values.spend, { min: 0.01 }],
      ['commodity-share', values['commodity-share'], { min: 0, max: 1 }],
      ['blended-price', values['blended-price'], { min: 0.0001 }],
      ['threads', values.threads, { min: 1, max: 64, integer: true }],
    ];
    for (const [flag, raw, range] of checks) {
      const value = numberFlag(flag, raw, range);
      if (typeof value === 'string') return usageError(io, value);
      numbers[flag] = value;
    }
    const common = {
      hardware,
      ...(numbers['setup-usd'] === undefined ? {} : { setupUsd: numbers['setup-usd'] }),
      ...(numbers.units === undefined ? {} : { units: numbers.units }),
      ...(numbers['max-utilization'] === undefined ? {} : { maxUtilization: numbers['max-utilization'] }),
    };

    let plan: RoutingPlan;
    let source: string;
    let beforeLabel: string | undefined;
    const notes: string[] = [];
    try {
      if (numbers.spend !== undefined) {
        if (positionals.length > 0) return usageError(io, 'give an audit file or --spend, not both');
        plan = planFromSpend({
          annualSpendUsd: numbers.spend,
          ...(numbers['commodity-share'] === undefined ? {} : { commodityShare: numbers['commodity-share'] }),
          ...(numbers['blended-price'] === undefined ? {} : { blendedUsdPerMTok: numbers['blended-price'] }),
          ...common,
        });
        beforeLabel = 'now (all cloud)';
        source = `${plan.band.annualApiSpendUsd.toLocaleString('en-US')} USD a year of API spend, ${((numbers['commodity-share'] ?? 0.5) * 100).toFixed(0)}% commodity`;
      } else {
        const [file, ...extra] = positionals;
        if (file === undefined) return usageError(io, 'missing <audit.jsonl> (or --spend <usd-per-year>)');
        if (extra.length > 0)
          return usageError(io, `unexpected argument '${extra[0]}' (one audit file only)`);
        const kinds: Record<string, WorkloadKind> = {};
        for (const entry of values.kind ?? []) {
          const at = entry.lastIndexOf('=');
          const kind = entry.slice(at + 1) as WorkloadKind;
          if (at <= 0 || !KINDS.has(kind))
            return usageError(io, `--kind needs WORKLOAD=commodity|general|complex, got '${entry}'`);
          kinds[entry.slice(0, at)] = kind;
        }
        const pricingFlags = { hardware: values.hardware, prices: values.prices, shadow: undefined };
        const pricing = unmeteredPricer(pricingFlags);
        if (typeof pricing === 'string') return usageError(io, pricing);
        let read: Awaited<ReturnType<typeof aggregateAuditFile>>;
        try {
          read = await aggregateAuditFile(
            file,
            io,
            pricingFlags,
            numbers.threads === undefined ? {} : { threads: numbers.threads },
          );
        } catch (error) {
          io.stderr(`switchyard plan: cannot read ${file}: ${(error as Error).message}\n`);
          return 1;
        }
        const { aggregate } = read;
        if (aggregate.total.requests === 0) {
          io.stderr(`switchyard plan: ${file} has no audit records to plan from\n`);
          return 1;
        }
        const periodDays = numbers['period-days'] ?? Math.max(aggregate.spanDays, 1);
        if (numbers['period-days'] === undefined && aggregate.spanDays < 7) {
          notes.push(
            `the log covers ${aggregate.spanDays.toFixed(2)} days; figures are annualized from ${periodDays.toFixed(2)} days (pass --period-days to change)`,
          );
        }
        if (aggregate.total.unknownCost > 0) {
          notes.push(
            `${aggregate.total.unknownCost} requests had an unknown price and count as $0 of cloud spend`,
          );
        }
        plan = planRouting({ workloads: profilesFromAggregate(aggregate, kinds), periodDays, ...common });
        source = `${file} (${aggregate.total.requests.toLocaleString('en-US')} requests over ${periodDays.toFixed(1)} days, annualized)`;
      }
    } catch (error) {
      if (SwitchyardError.isInstance(error)) return usageError(io, error.message);
      throw error;
    }
    if (values.json) io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    else io.stdout(renderPlanText(plan, { source, notes, ...(beforeLabel ? { beforeLabel } : {}) }));
    return 0;
  },
};
