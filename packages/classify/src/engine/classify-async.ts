import type { ResolvedOptions } from '../options/classifier-options';
import type { ClassificationResult, Finding } from '../types';
import { type FinalizeSettings, labelsOf } from './finalize';

/** Options of `classifyAsync()`. */
export interface ClassifyAsyncOptions {
  /** Ends the async recognizers early (they count as failed). */
  signal?: AbortSignal;
}

/**
 * Runs the async recognizers in parallel within `asyncTimeoutMs`, merges what they find into the
 * synchronous result, and — unless `onAsyncFailure: 'ignore'` — treats a failure or timeout as `regulated`.
 */
export async function runAsyncRecognizers(
  text: string,
  base: ClassificationResult,
  options: ResolvedOptions,
  settings: FinalizeSettings,
  callOptions?: ClassifyAsyncOptions,
): Promise<ClassificationResult> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(callOptions?.signal?.reason);
  callOptions?.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`async recognizers took longer than ${options.asyncTimeoutMs} ms`));
      resolve('timeout');
    }, options.asyncTimeoutMs);
  });
  const degraded: string[] = [];
  const extra: Finding[] = [];
  try {
    const settled = await Promise.all(
      options.asyncRecognizers.map(async (recognizer) => {
        try {
          const outcome = await Promise.race([
            recognizer.recognize(text, { signal: controller.signal }),
            timeout,
          ]);
          if (outcome === 'timeout' || controller.signal.aborted) {
            degraded.push(recognizer.name);
            return;
          }
          for (const finding of outcome) {
            const threshold = settings.labelThresholds[finding.label] ?? settings.threshold;
            if (
              settings.disabledTypes.has(finding.type) ||
              finding.score < threshold ||
              !(finding.start >= 0 && finding.end <= text.length && finding.start < finding.end)
            ) {
              continue;
            }
            extra.push({ ...finding, reasons: [{ kind: 'model', name: recognizer.name }] });
          }
        } catch {
          degraded.push(recognizer.name);
        }
      }),
    );
    void settled;
  } finally {
    clearTimeout(timer);
    callOptions?.signal?.removeEventListener('abort', onAbort);
  }
  const findings = [...base.findings, ...extra].sort((a, b) => a.start - b.start);
  const { labels, dataClass } = labelsOf(findings, settings.mapping);
  const failed = degraded.length > 0 && options.onAsyncFailure === 'regulated';
  return {
    labels,
    dataClass: failed || base.truncated ? 'regulated' : dataClass,
    findings,
    truncated: base.truncated,
    ...(degraded.length > 0 ? { degraded } : {}),
  };
}
