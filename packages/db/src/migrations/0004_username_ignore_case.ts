import { type Kysely, sql } from 'kysely';

/**
 * User names unique regardless of case (`Admin` beside `admin` would be a second account a
 * reader takes for the first), and the audit log found by record (the four-eyes check reads who
 * wrote each version of a value). Names that already clash stop the migration, naming them: which
 * account to rename is a person's decision, not this migration's. Throttle counts are dropped:
 * their keys changed (per user name and address, and per address), and they are minutes old.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const clashes = await sql<{ names: string }>`
    select string_agg(username, ', ' order by username) as names
    from users group by lower(username) having count(*) > 1`.execute(db);
  if (clashes.rows.length > 0) {
    const list = clashes.rows.map((r) => r.names).join('; ');
    throw new Error(
      `用户名仅大小写不同，无法建立不区分大小写的唯一索引，请先改名：${list} (user names differing only in case: rename all but one of each group, then start again)`,
    );
  }
  await db.schema
    .createIndex('users_username_lower')
    .on('users')
    .unique()
    .expression(sql`lower(username)`)
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();
  await db.deleteFrom('sign_in_throttle').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_entity').execute();
  await db.schema.dropIndex('users_username_lower').execute();
}
