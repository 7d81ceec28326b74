/**
 * Canned answers for the simulators, chosen from the prompt, so the demo reads like real traffic.
 * The local model is made unsure (low token logprobs) on multi-step reasoning prompts, which is
 * what the confidence cascade catches.
 */

function lastUserText(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as Array<{ role?: string; content?: unknown }>;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role !== 'user') continue;
    const content = message.content;
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content.map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : '')).join(' ');
    }
  }
  return '';
}

/** True for prompts a small local model tends to get wrong: multi-step reasoning. */
export function isHardPrompt(text: string): boolean {
  return /step by step|work out|payback|risks? of/i.test(text);
}

export function answerFor(text: string, who: 'local' | 'cloud'): string {
  const prompt = text.toLowerCase();
  if (/^summarize|summarize/.test(prompt)) {
    return 'Summary: the key points are captured in three sentences, with the follow-up actions and owners listed at the end.';
  }
  if (prompt.startsWith('extract')) return '{"fields": "extracted", "confidence": "high", "missing": []}';
  if (/classify|positive or negative|flag if urgent/.test(prompt)) {
    return /urgent/.test(prompt) ? 'URGENT: potassium above 6.0 mmol/L with reduced kidney function.' : 'Label: bug report.';
  }
  if (/why does|cannot connect|is the password/.test(prompt)) {
    return 'The credentials in the log are being rejected: rotate them, move them to a secret store, and retry.';
  }
  if (isHardPrompt(prompt)) {
    return who === 'cloud'
      ? 'Step 1: list the inputs and their units. Step 2: compute each cost line for the period. Step 3: compare the totals and state the recommendation with its main risk.'
      : 'Maybe the totals come out close, though some of the costs might be counted differently here.';
  }
  if (/^write|^draft|turn these|taglines/.test(prompt)) {
    return 'Here is a short, friendly draft you can adapt: clear opening, two concrete points, and a warm closing line.';
  }
  return 'Here is a concise answer in plain words, with one example to make it concrete.';
}

/** Local simulators: an answer, with low logprobs on hard prompts. */
export function localReply(body: Record<string, unknown>) {
  const text = lastUserText(body);
  const answer = answerFor(text, 'local');
  // Sure of routine work; unsure (every token well below even odds) on multi-step reasoning.
  const logprobs = isHardPrompt(text)
    ? Array.from({ length: 64 }, (_, index) => -1.2 - (index % 5) * 0.35)
    : Array.from({ length: 64 }, (_, index) => -0.02 - (index % 7) * 0.01);
  return { text: answer, logprobs };
}

/** A larger local model: confident on everything. */
export function strongLocalReply(body: Record<string, unknown>) {
  return { text: answerFor(lastUserText(body), 'cloud'), logprobs: Array.from({ length: 64 }, () => -0.03) };
}

/** Cloud simulators. */
export function cloudReply(body: Record<string, unknown>) {
  return { text: answerFor(lastUserText(body), 'cloud') };
}
