/**
 * `pnpm eval:route`: the pre-generation complexity router against a random router on RouteLLM's GSM8K
 * and MT-Bench data, with RouteLLM's metrics (APGR, CPT(50%), CPT(80%)).
 *
 * Options: --data <dir> (default <repo>/../shared/data or SWITCHYARD_DATA_DIR), --seeds <n> (random
 * router runs, default 1000).
 */
import { complexityScore, qualityCurve, type RouterMetrics, routerMetrics, seededRandom } from '../src/index';
import { argument, dataDir, fixed, percent, table } from './data-dir';
import { loadGsm8k, loadMtBench, type RouteDataset } from './route-datasets';

const argv = process.argv.slice(2);
const dir = dataDir(argv);
const seeds = Number(argument(argv, '--seeds') ?? 1000);
if (!Number.isInteger(seeds) || seeds < 1) throw new Error('--seeds must be a positive integer');

function evaluate(dataset: RouteDataset): void {
  const { items } = dataset;
  const weak = items.map((item) => item.weak);
  const strong = items.map((item) => item.strong);
  const complexity = items.map((item) => complexityScore(item.prompt).score);
  const heuristic = routerMetrics(qualityCurve(complexity, weak, strong));

  // Random router: every request gets an independent uniform score; metrics averaged over seeds.
  const runs: RouterMetrics[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const random = seededRandom(seed);
    runs.push(
      routerMetrics(
        qualityCurve(
          items.map(() => random()),
          weak,
          strong,
        ),
      ),
    );
  }
  const average = (pick: (metrics: RouterMetrics) => number | undefined) => {
    const values = runs.map(pick).filter((value): value is number => value !== undefined);
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const spread = (pick: (metrics: RouterMetrics) => number) => {
    const mean = average(pick);
    return Math.sqrt(runs.reduce((sum, metrics) => sum + (pick(metrics) - mean) ** 2, 0) / runs.length);
  };
  const oracle = routerMetrics(
    qualityCurve(
      items.map((item) => item.strong - item.weak),
      weak,
      strong,
    ),
  );

  const distinct = new Set(complexity).size;
  console.log(
    `\n## ${dataset.name} (${items.length} prompts, ${dataset.excluded} contaminated excluded; quality: ${dataset.quality})`,
  );
  console.log(
    `weak (Mixtral-8x7B) ${fixed(heuristic.weakQuality)}, strong (GPT-4-1106) ${fixed(heuristic.strongQuality)}; complexity scores: ${distinct} distinct values`,
  );
  console.log(
    table(
      ['router', 'APGR', 'CPT(50%)', 'CPT(80%)'],
      [
        [
          'complexity (prompt-only heuristic)',
          fixed(heuristic.apgr),
          percent(heuristic.cpt50),
          percent(heuristic.cpt80),
        ],
        [
          `random (mean of ${seeds} seeds)`,
          `${fixed(average((m) => m.apgr))} ± ${fixed(
            spread((m) => m.apgr),
            3,
          )}`,
          percent(average((m) => m.cpt50)),
          percent(average((m) => m.cpt80)),
        ],
        [
          'oracle (knows the labels; upper bound)',
          fixed(oracle.apgr),
          percent(oracle.cpt50),
          percent(oracle.cpt80),
        ],
      ],
    ),
  );
  const beat = runs.filter((metrics) => metrics.apgr >= heuristic.apgr).length;
  console.log(`random seeds with APGR >= the heuristic's: ${beat} of ${seeds} (${percent(beat / seeds)})`);
}

console.log('# Pre-generation router evaluation (RouteLLM metrics)');
console.log(
  'APGR = ∫ PGR d(share of strong calls), PGR = (quality − weak)/(strong − weak), integrated exactly on the\n' +
    'piecewise-linear curve of (share of strong calls, quality) over every threshold (tied scores move\n' +
    'together). CPT(x%) = the smallest share of strong calls at which PGR reaches x%.\n' +
    'The heuristic is fixed a priori (COMPLEXITY_WEIGHTS); nothing is trained on these labels.',
);
for (const dataset of [loadGsm8k(dir), loadMtBench(dir)]) evaluate(dataset);
