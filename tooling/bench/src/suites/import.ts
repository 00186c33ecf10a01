import {
  corpusFiles,
  type FileScore,
  SEEDS,
  scoreFile,
  scoreSeed,
} from '@minsheng/importer/corpus';
import type { BenchSuite } from '../suite.ts';

const pct = (exact: number, total: number) =>
  total ? Math.round((exact / total) * 1000) / 10 : 100;

/**
 * The plan importer on its corpus (packages/importer/corpus: plan files in the layouts and
 * formats officials have) and on the five seeds: the share of indicator cells read exactly,
 * per file and overall, with the first cells it got wrong.
 */
export const importSuite: BenchSuite = {
  name: 'import',
  description: 'plan import: cell-exact rates per corpus file and seed, and overall',
  async run() {
    const scores: FileScore[] = [];
    for (const file of corpusFiles()) scores.push(await scoreFile(file));
    const seeds = SEEDS.map((seed) => scoreSeed(seed));
    const out: Record<string, number | string> = {};
    for (const s of [...scores, ...seeds]) {
      out[`${s.file} % exact`] = pct(s.exact, s.total);
      const detail =
        s.error ??
        s.misses
          .slice(0, 3)
          .map(
            (m) =>
              `row ${m.row} ${m.cell}: expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.read)}`,
          )
          .join('; ');
      console.log(
        `  ${s.file.padEnd(44)} ${String(s.exact).padStart(4)}/${String(s.total).padEnd(4)} ${pct(s.exact, s.total)}%  ${s.format}${detail ? `  ${detail}` : ''}`,
      );
    }
    const sum = (list: FileScore[]) =>
      list.reduce((a, s) => ({ exact: a.exact + s.exact, total: a.total + s.total }), {
        exact: 0,
        total: 0,
      });
    const corpus = sum(scores);
    const seed = sum(seeds);
    const all = sum([...scores, ...seeds]);
    out['corpus files'] = scores.length;
    out['corpus cells exact'] = `${corpus.exact}/${corpus.total}`;
    out['corpus % exact'] = pct(corpus.exact, corpus.total);
    out['corpus files all exact'] = scores.filter((s) => s.exact === s.total).length;
    out['seed cells exact'] = `${seed.exact}/${seed.total}`;
    out['seed % exact'] = pct(seed.exact, seed.total);
    out['overall % exact'] = pct(all.exact, all.total);
    return out;
  },
};
