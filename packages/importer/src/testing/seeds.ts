import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The five seed plans: each region package carries the text it was entered from. */
export const SEEDS = [
  { file: '000_9f04399c66dd38d8.txt', code: '510824', name: 'cangxi' },
  { file: '001_a3a07023c0597fe1.txt', code: '510000', name: 'sichuan' },
  { file: '002_4220245da55fa599.txt', code: '510821', name: 'wangcang' },
  { file: '003_c5d318e940598444.txt', code: '510802', name: 'lizhou' },
  { file: '004_04a0b744133b98ae.txt', code: '511700', name: 'dazhou' },
] as const;

export type Seed = (typeof SEEDS)[number];

const require = createRequire(import.meta.url);

/** The published text of a seed plan, from its region package's `source/` (package exports). */
export function seedText({ name, file }: Pick<Seed, 'name' | 'file'>): string {
  return readFileSync(require.resolve(`@minsheng/region-${name}/source/${file}`), 'utf8');
}
