import type { Region } from '@minsheng/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { toRegion } from './map.ts';

/** Every region in catalog order. */
export async function allRegions(db: Kysely<Database>): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('position').execute();
  return rows.map(toRegion);
}

/**
 * A cheap fingerprint of the region table (count, largest code, sum of positions): it changes
 * when seeding or a demo load in another process adds, drops or reorders regions.
 */
export async function regionsStamp(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.max('code').as('top'),
      eb.fn.sum<string>('position').as('p'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.n}/${row.top}/${row.p}`;
}

/** True when the region is seeded. */
export async function regionExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
