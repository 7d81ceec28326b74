/**
 * Whether an OpenAI model is a reasoning model: the o-series (`o1`, `o3-mini`, `o4-mini`, ...) and
 * the gpt-5 family except `gpt-5-chat`. Reasoning models refuse `logprobs` and sampling parameters,
 * so the adapter never sends them and reports confidence as unknown.
 */
export function isReasoningModel(model: string): boolean {
  const name = model.toLowerCase().split('/').pop() ?? '';
  return /^o\d/.test(name) || (name.startsWith('gpt-5') && !name.startsWith('gpt-5-chat'));
}
