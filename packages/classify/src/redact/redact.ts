import { ConfigError } from '@switchyard/core';
import type { ClassificationResult, Finding, Label } from '../types';
import { createPseudonymVault, type PseudonymVault } from './pseudonym-vault';

/** How `redact()` replaces findings. */
export interface RedactOptions {
  /** `mask` (`*` for each character), `type` (`[EMAIL_ADDRESS]`) or `pseudonym` (reversible through `vault`). Default `type`. */
  mode?: 'mask' | 'type' | 'pseudonym';
  /** Labels to redact. Default `['pii']`. */
  labels?: Label[];
  /**
   * Redacting regulated labels (phi, npi, privileged, trade_secret, credentials) to send text to a
   * cloud model is a policy decision this package does not make by default: set true to allow it.
   */
  allowRegulated?: boolean;
  /** Vault for `pseudonym` mode; one is created when absent (and returned). */
  vault?: PseudonymVault;
  /** Mask character for `mask` mode. Default `*`. */
  maskChar?: string;
}

/** What `redact()` returns. */
export interface RedactResult {
  text: string;
  /** The findings that were replaced (offsets into the input). */
  redacted: Finding[];
  /** The classification of the input. */
  classification: ClassificationResult;
  /** Present in `pseudonym` mode: call `vault.reidentify(answer)` to restore values. */
  vault?: PseudonymVault;
}

const REGULATED: ReadonlySet<Label> = new Set(['phi', 'npi', 'privileged', 'trade_secret', 'credentials']);
const SPAN_LABEL_TYPES = new Set([
  'health_information',
  'financial_information',
  'counsel_communication',
  'privilege_marker',
  'privilege_reference',
  'confidentiality_marker',
  'business_confidential',
]);

/** Replaces the spans of the selected findings, right to left so offsets stay valid. */
export function redactText(
  text: string,
  classification: ClassificationResult,
  options: RedactOptions = {},
): RedactResult {
  const mode = options.mode ?? 'type';
  if (mode !== 'mask' && mode !== 'type' && mode !== 'pseudonym') {
    throw new ConfigError({
      message: `redact: options.mode must be 'mask', 'type' or 'pseudonym'`,
      field: 'options.mode',
    });
  }
  const labels = new Set<Label>(options.labels ?? ['pii']);
  for (const label of labels) {
    if (REGULATED.has(label) && options.allowRegulated !== true) {
      throw new ConfigError({
        message: `redact: options.labels includes regulated label '${label}'; regulated text should stay local (set allowRegulated: true to override)`,
        field: 'options.labels',
      });
    }
  }
  if (classification.findingsCapped || classification.truncated) {
    throw new ConfigError({
      message:
        'redact: the text has more findings than are listed (or was truncated); it cannot be redacted completely',
      field: 'text',
    });
  }
  const vault = mode === 'pseudonym' ? (options.vault ?? createPseudonymVault()) : undefined;
  const maskChar = options.maskChar ?? '*';
  // Identifier spans only (not whole-sentence markers), non-overlapping, left to right.
  const selected: Finding[] = [];
  let lastEnd = -1;
  for (const finding of classification.findings) {
    if (!labels.has(finding.label) || SPAN_LABEL_TYPES.has(finding.type)) continue;
    if (finding.start < lastEnd) continue;
    selected.push(finding);
    lastEnd = finding.end;
  }
  let out = '';
  let cursor = 0;
  for (const finding of selected) {
    out += text.slice(cursor, finding.start);
    const value = text.slice(finding.start, finding.end);
    if (mode === 'mask') out += maskChar.repeat(value.length);
    else if (mode === 'type') out += `[${finding.type.toUpperCase()}]`;
    else out += vault!.tokenFor(finding.type, value);
    cursor = finding.end;
  }
  out += text.slice(cursor);
  return { text: out, redacted: selected, classification, ...(vault ? { vault } : {}) };
}
