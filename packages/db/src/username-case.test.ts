import { Migrator } from 'kysely/migration';
import { afterEach, expect, it } from 'vitest';
import type { Db } from './connection.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { describeEachDialect } from './testing/index.ts';

describeEachDialect('0004: user names unique regardless of case', (dialect) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  /** A database migrated up to 0003 only, as one made before this migration. */
  async function before0004(): Promise<Db> {
    const opened = await dialect.open();
    db = opened;
    const migrator = new Migrator({
      db: opened.kysely,
      provider: { getMigrations: async () => migrations },
    });
    const { error } = await migrator.migrateTo('0003_plan_changes');
    if (error) throw error;
    await opened.kysely
      .insertInto('regions')
      .values({ code: '510000', name: '四川省', level: 'province', parent_code: null, position: 0 })
      .execute();
    return opened;
  }

  const user = (id: string, username: string) => ({
    id,
    username,
    display_name: username,
    password_hash: 'x',
    role: 'admin' as const,
    region_code: '510000',
  });

  it('refuses a second name that differs only in case, at the database', async () => {
    const { kysely } = await before0004();
    await kysely.insertInto('users').values(user('a', 'admin')).execute();
    await migrateToLatest(kysely);
    for (const name of ['Admin', 'ADMIN']) {
      await expect(
        kysely.insertInto('users').values(user(name, name)).execute(),
      ).rejects.toMatchObject({ code: '23505' });
    }
    await kysely.insertInto('users').values(user('b', 'admin2')).execute();
  });

  it('stops, naming the names, when existing users already clash; nothing half done', async () => {
    const { kysely } = await before0004();
    await kysely
      .insertInto('users')
      .values([user('a', 'admin'), user('b', 'ADMIN'), user('c', 'Clerk'), user('d', 'clerk')])
      .execute();
    await expect(migrateToLatest(kysely)).rejects.toThrow(
      /0004_username_ignore_case.*ADMIN, admin; Clerk, clerk/s,
    );
    // After the rename the same start succeeds.
    await kysely
      .updateTable('users')
      .set({ username: 'admin-old' })
      .where('id', '=', 'b')
      .execute();
    await kysely.updateTable('users').set({ username: 'clerk-2' }).where('id', '=', 'd').execute();
    expect(await migrateToLatest(kysely)).toEqual(['0004_username_ignore_case']);
  });
});
