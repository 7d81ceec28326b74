import type { TokenLogprob } from '@switchyard/core';
import type { ResolvedSpanOptions } from './span-options';

/**
 * The range `[start, end)` of tokens that hold the answer: after a leading reasoning block and after
 * the last answer marker, when configured and present. `start === end` when nothing is left (an
 * unclosed reasoning block, as in a stream held back mid-thought).
 */
export function selectSpan(
  logprobs: readonly TokenLogprob[],
  options: ResolvedSpanOptions,
): { start: number; end: number } {
  const end = logprobs.length;
  let start = 0;
  if (options.reasoning) start = afterReasoning(logprobs, options.reasoning.open, options.reasoning.close);
  if (options.answerMarker !== undefined && start < end) {
    start = afterLastMarker(logprobs, start, options.answerMarker);
  }
  return { start, end };
}

/** Index of the first token after a reasoning block that opens the answer; 0 when there is none. */
function afterReasoning(logprobs: readonly TokenLogprob[], open: string, close: string): number {
  // A reasoning block opens the answer, so only a first visible token that could begin `open` needs a
  // closer look; everything else costs one character check.
  let first = 0;
  while (first < logprobs.length && logprobs[first]!.token.trim() === '') first++;
  if (first === logprobs.length) return 0;
  const head = logprobs[first]!.token.trimStart();
  if (!(head.startsWith(open) || open.startsWith(head))) return 0;
  let text = '';
  let opened = false;
  for (let index = first; index < logprobs.length; index++) {
    text += logprobs[index]!.token;
    if (!opened) {
      const trimmed = text.trimStart();
      if (trimmed.length < open.length) {
        if (!open.startsWith(trimmed)) return 0;
        continue;
      }
      if (!trimmed.startsWith(open)) return 0;
      opened = true;
    }
    if (text.includes(close)) return index + 1;
  }
  return logprobs.length;
}

/** Index of the first token after the last occurrence of `marker`; `start` when it does not occur. */
function afterLastMarker(logprobs: readonly TokenLogprob[], start: number, marker: string): number {
  let text = '';
  const ends: number[] = [];
  for (let index = start; index < logprobs.length; index++) {
    text += logprobs[index]!.token;
    ends.push(text.length);
  }
  const at = text.lastIndexOf(marker);
  if (at < 0) return start;
  const markerEnd = at + marker.length;
  for (let offset = 0; offset < ends.length; offset++) {
    if (ends[offset]! >= markerEnd) return start + offset + 1;
  }
  return logprobs.length;
}
