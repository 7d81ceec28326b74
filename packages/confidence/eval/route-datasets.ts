import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from './read-csv';

/** One evaluation request: the prompt the router sees and each model's quality on it. */
export interface RouteItem {
  prompt: string;
  weak: number;
  strong: number;
}

export interface RouteDataset {
  name: string;
  quality: string;
  items: RouteItem[];
  excluded: number;
}

const WEAK = 'mistralai/Mixtral-8x7B-Instruct-v0.1';
const STRONG = 'gpt-4-1106-preview';

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function contaminated(dir: string): Set<string> {
  return new Set(readJsonl(join(dir, 'contaminated_prompts.jsonl')).map((row) => String(row.eval_prompt)));
}

/** GSM8K: 1/0 correctness of each model; contaminated prompts removed (as RouteLLM does). */
export function loadGsm8k(dataDir: string): RouteDataset {
  const dir = join(dataDir, 'routellm', 'gsm8k');
  const excludedPrompts = contaminated(dir);
  const rows = readCsv(readFileSync(join(dir, 'gsm8k_responses.csv'), 'utf8'));
  const items: RouteItem[] = [];
  for (const row of rows) {
    if (excludedPrompts.has(row.prompt!)) continue;
    const weak = row[WEAK];
    const strong = row[STRONG];
    if ((weak !== 'True' && weak !== 'False') || (strong !== 'True' && strong !== 'False')) {
      throw new Error(`gsm8k: unexpected correctness values '${weak}', '${strong}'`);
    }
    items.push({ prompt: row.prompt!, weak: weak === 'True' ? 1 : 0, strong: strong === 'True' ? 1 : 0 });
  }
  return { name: 'GSM8K', quality: 'accuracy', items, excluded: rows.length - items.length };
}

/**
 * MT-Bench: per question, the mean GPT-4 judge score (1–10) of each model over both turns; routing
 * sees the first turn only; questions with a contaminated turn removed (as RouteLLM does).
 */
export function loadMtBench(dataDir: string): RouteDataset {
  const dir = join(dataDir, 'routellm', 'mt_bench');
  const excludedPrompts = contaminated(dir);
  const questions = readJsonl(join(dir, 'question.jsonl'));
  const judgements = readJsonl(join(dir, 'judgements.jsonl'));
  const scores = new Map<string, number[]>();
  for (const judgement of judgements) {
    const key = `${judgement.question_id}|${judgement.model}`;
    const list = scores.get(key) ?? [];
    list.push(Number(judgement.score));
    scores.set(key, list);
  }
  const mean = (key: string) => {
    const list = scores.get(key);
    if (!list || list.length === 0) throw new Error(`mt-bench: no judgement for ${key}`);
    return list.reduce((sum, value) => sum + value, 0) / list.length;
  };
  const items: RouteItem[] = [];
  for (const question of questions) {
    const turns = question.turns as string[];
    if (turns.some((turn) => excludedPrompts.has(turn))) continue;
    items.push({
      prompt: turns[0]!,
      weak: mean(`${question.question_id}|${WEAK}`),
      strong: mean(`${question.question_id}|${STRONG}`),
    });
  }
  return {
    name: 'MT-Bench',
    quality: 'mean judge score (1-10)',
    items,
    excluded: questions.length - items.length,
  };
}
