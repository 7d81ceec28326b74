import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type CalibrationResult,
  fitCalibration,
  parseLabeledJsonl,
  SIGNAL_NAMES,
  serializeCalibration,
} from '@switchyard/confidence';
import { SwitchyardError } from '@switchyard/core';
import type { Command, CommandIo } from './command';
import { numberFlag, parseCommandArgs } from './parse-command-args';

const USAGE = `Usage: switchyard calibrate <labeled.jsonl> [--target-escalation 0.2 | --target-quality 0.95] [--out calibration.json]

Fits a confidence calibration for logprobConfidence({ calibration }): a logistic map from the
local model's logprob signals to P(acceptable), and the threshold under which an answer escalates.

<labeled.jsonl>        One JSON object a line: "logprobs" (core TokenLogprob[] as in audit records
                       written with includeLogprobs, or OpenAI's { content: [...] }) and a boolean
                       "acceptable" (or "correct" / "weak_correct"); optional "cloudAcceptable"
                       (or "cloud_correct" / "strong_correct"). Lines without logprobs are skipped.
--target-escalation R  Escalate at most this share of answers (0-1). Default 0.2.
--target-quality Q     Escalate as few answers as possible so that at least this share of the
                       answers kept local is acceptable (0-1).
--out FILE             Where to write the calibration JSON. Default calibration.json.`;

const OPTIONS = {
  'target-escalation': { type: 'string' },
  'target-quality': { type: 'string' },
  out: { type: 'string' },
} as const;

interface Parsed {
  file: string;
  target: { escalationRate: number } | { quality: number };
  out: string;
}

/** Parses argv; a string is a usage error. */
function parseArguments(argv: readonly string[]): Parsed | string {
  const parsed = parseCommandArgs(argv, OPTIONS);
  if (!parsed.ok) return parsed.message;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return 'missing <labeled.jsonl>';
  if (extra.length > 0) return `unexpected argument '${extra[0]}' (one labeled file only)`;
  const escalation = numberFlag('target-escalation', parsed.values['target-escalation'], { min: 0, max: 1 });
  if (typeof escalation === 'string') return escalation;
  const quality = numberFlag('target-quality', parsed.values['target-quality'], { min: 0, max: 1 });
  if (typeof quality === 'string') return quality;
  if (escalation !== undefined && quality !== undefined) {
    return 'give --target-escalation or --target-quality, not both';
  }
  return {
    file,
    target: quality !== undefined ? { quality } : { escalationRate: escalation ?? 0.2 },
    out: parsed.values.out ?? 'calibration.json',
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const figure = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(4);

function report(result: CalibrationResult, io: CommandIo): void {
  const { calibration, signalAuroc } = result;
  const fit = calibration.fit!;
  const lines: string[] = [];
  lines.push(`Local answers acceptable: ${percent(fit.acceptableRate)} of ${fit.examples}`);
  lines.push('', 'Signal AUROC (acceptable vs not; 1 is perfect, 0.5 is chance; − : lower means confident):');
  for (const name of SIGNAL_NAMES) {
    const label = name === 'meanEntropy' || name === 'lowProbabilityShare' ? `−${name}` : name;
    lines.push(`  ${label.padEnd(26)} ${figure(signalAuroc[name])}`);
  }
  lines.push(
    '',
    `Logistic map: AUROC ${figure(fit.auroc)} on these examples${fit.heldOutAuroc === undefined ? '' : `, ${figure(fit.heldOutAuroc)} held out (5-fold)`}`,
    `  intercept ${calibration.intercept.toFixed(4)}; weights on standardized signals:`,
  );
  calibration.features.forEach((name, index) => {
    const weight = calibration.weights[index]!;
    lines.push(`  ${name.padEnd(26)} ${weight >= 0 ? '+' : ''}${weight.toFixed(4)}`);
  });
  const target =
    'escalationRate' in calibration.target
      ? `escalate at most ${percent(calibration.target.escalationRate)}`
      : `kept answers at least ${percent(calibration.target.quality)} acceptable`;
  lines.push(
    '',
    `Threshold ${calibration.threshold.toPrecision(6)} (target: ${target}${fit.targetMet ? '' : ' — NOT MET: no threshold reaches it; every answer escalates'})`,
    `  escalates ${percent(fit.escalationRate)} of these answers; ${Number.isNaN(fit.keptQuality) ? 'none kept' : `${percent(fit.keptQuality)} of those kept are acceptable`}`,
  );
  if (fit.systemQuality !== undefined) {
    lines.push(`  overall quality with escalations answered by the cloud: ${percent(fit.systemQuality)}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** `switchyard calibrate`: fits a confidence calibration from labeled logprobs. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Fit a confidence threshold and logistic map from labeled logprobs',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseArguments(argv);
    if (typeof parsed === 'string') {
      io.stderr(`switchyard calibrate: ${parsed}\n\n${USAGE}\n`);
      return 2;
    }
    let text: string;
    try {
      text = await readFile(parsed.file, 'utf8');
    } catch (error) {
      io.stderr(`switchyard calibrate: cannot read ${parsed.file}: ${(error as Error).message}\n`);
      return 1;
    }
    try {
      const { examples, skipped } = parseLabeledJsonl(text);
      io.stdout(
        `Read ${examples.length} labeled answers from ${parsed.file}${skipped > 0 ? ` (${skipped} lines without logprobs skipped)` : ''}\n`,
      );
      const result = fitCalibration(examples, { target: parsed.target });
      const unacceptable = result.calibration.fit!.examples * (1 - result.calibration.fit!.acceptableRate);
      if (result.calibration.fit!.examples < 200 || unacceptable < 30) {
        io.stderr(
          `switchyard calibrate: warning: few examples (${result.calibration.fit!.examples}, ${Math.round(unacceptable)} unacceptable): the threshold will be noisy; label more traffic\n`,
        );
      }
      report(result, io);
      const out = resolve(parsed.out);
      try {
        await writeFile(out, serializeCalibration(result.calibration));
      } catch (error) {
        io.stderr(`switchyard calibrate: cannot write ${out}: ${(error as Error).message}\n`);
        return 1;
      }
      io.stdout(
        `\nWrote ${out}\nUse it: logprobConfidence({ calibration: await readCalibrationFile('${parsed.out}'), to: ['<cloud provider id>'] })\n`,
      );
      return 0;
    } catch (error) {
      if (SwitchyardError.isInstance(error)) {
        io.stderr(`switchyard calibrate: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
