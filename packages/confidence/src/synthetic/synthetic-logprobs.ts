import type { OpenAITokenLogprob } from '../logprobs/from-openai-logprobs';

/** One row of a labeled logprob file, in the shape of `arith-logprobs.jsonl`. */
export interface SyntheticRow {
  id: string;
  prompt: string;
  weak_correct: boolean;
  strong_correct: boolean;
  logprobs: { content: OpenAITokenLogprob[] };
}

export interface SyntheticOptions {
  count?: number;
  seed?: number;
  /** Share of local answers that are wrong. Default 0.25. */
  errorRate?: number;
  /** Share of cloud answers that are right. Default 0.97. */
  cloudAccuracy?: number;
  /** Share of rows that open with a `<think>` block of noisy tokens. Default 0.3. */
  reasoningRate?: number;
}

/** A small seeded PRNG (mulberry32): the fixture is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates labeled logprobs with a known structure, for tests and `pnpm eval:confidence --fixture`:
 * - a wrong local answer has one or two hesitant content tokens (probability 0.10–0.45, with a close
 *   runner-up); a right one has at most one mildly hesitant token (0.50–0.85), in 30% of rows;
 * - every other content token is near-certain (probability ≥ 0.95);
 * - answers are 3–60 tokens long, so a length-normalized mean dilutes one bad token in a long answer
 *   (the minimum and low quantiles do not);
 * - formatting tokens (spaces, punctuation) and a leading `<think>` block carry random low
 *   probabilities unrelated to correctness: span selection should skip them;
 * - the cloud answer is right with probability `cloudAccuracy`, independently.
 * So: the minimum token probability separates right from wrong almost perfectly, the mean less well.
 */
export function generateSyntheticLogprobs(options: SyntheticOptions = {}): SyntheticRow[] {
  const count = options.count ?? 2000;
  const random = seededRandom(options.seed ?? 7);
  const errorRate = options.errorRate ?? 0.25;
  const cloudAccuracy = options.cloudAccuracy ?? 0.97;
  const reasoningRate = options.reasoningRate ?? 0.3;
  const between = (low: number, high: number) => low + (high - low) * random();
  const rows: SyntheticRow[] = [];
  for (let row = 0; row < count; row++) {
    const wrong = random() < errorRate;
    const length = 3 + Math.floor(random() * 58);
    const probabilities: number[] = [];
    for (let index = 0; index < length; index++) probabilities.push(1 - between(0, 0.05));
    const hesitant = wrong ? 1 + (random() < 0.3 ? 1 : 0) : random() < 0.3 ? 1 : 0;
    for (let mark = 0; mark < hesitant; mark++) {
      probabilities[Math.floor(random() * length)] = wrong ? between(0.1, 0.45) : between(0.5, 0.85);
    }
    const content: OpenAITokenLogprob[] = [];
    if (random() < reasoningRate) {
      content.push(token('<think>', 0.99));
      const thinking = 5 + Math.floor(random() * 20);
      for (let index = 0; index < thinking; index++) content.push(token(` idea${index}`, between(0.05, 1)));
      content.push(token('</think>', 0.98));
    }
    for (let index = 0; index < length; index++) {
      content.push(token(` w${index}`, probabilities[index]!));
      if (random() < 0.15) content.push(token(random() < 0.5 ? ',' : ' ', between(0.05, 0.9)));
    }
    content.push(token('.', between(0.2, 1)));
    rows.push({
      id: `synthetic-${String(row).padStart(5, '0')}`,
      prompt: `synthetic prompt ${row}`,
      weak_correct: !wrong,
      strong_correct: random() < cloudAccuracy,
      logprobs: { content },
    });
  }
  return rows;
}

/** A token with its probability; alternatives share the rest of the mass (a close runner-up when unsure). */
function token(text: string, probability: number): OpenAITokenLogprob {
  const rest = 1 - probability;
  const shares = [0.6, 0.2, 0.1, 0.05];
  const top = [{ token: text, logprob: Math.log(probability) }];
  shares.forEach((share, index) => {
    top.push({ token: `${text}~${index + 1}`, logprob: Math.log(Math.max(rest * share, 1e-9)) });
  });
  top.sort((a, b) => b.logprob - a.logprob);
  return { token: text, logprob: Math.log(probability), top_logprobs: top };
}
