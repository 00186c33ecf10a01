import { type Kysely, sql } from 'kysely';

/**
 * A change counter per plan, moved by the database itself whenever the plan, its indicators or
 * its observations change, in the same transaction as the change. A cached result over many
 * plans (a province's summary) is still right exactly while the counters of its plans are the
 * ones it was computed at, whoever wrote: this server, another one, the CLI or a demo load.
 * Statement-level triggers with transition tables cost one upsert per statement, not per row,
 * so bulk loads stay fast; plans are touched in id order so two transactions cannot deadlock.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_changes')
    .addColumn('plan_id', 'text', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  for (const [fn, column] of [
    ['minsheng_plan_changed', 'id'],
    ['minsheng_plan_rows_changed', 'plan_id'],
  ] as const) {
    await sql
      .raw(`create function ${fn}() returns trigger language plpgsql as $$
begin
  insert into plan_changes (plan_id, n)
    select distinct ${column}, 1 from changed order by 1
  on conflict (plan_id) do update set n = plan_changes.n + 1;
  return null;
end $$`)
      .execute(db);
  }
  for (const [table, fn] of TRIGGERS) {
    for (const [event, transition] of EVENTS) {
      await sql
        .raw(`create trigger ${table}_${event}_changes after ${event} on ${table}
  referencing ${transition} table as changed
  for each statement execute function ${fn}()`)
        .execute(db);
    }
  }
}

const TRIGGERS = [
  ['plans', 'minsheng_plan_changed'],
  ['indicators', 'minsheng_plan_rows_changed'],
  ['observations', 'minsheng_plan_rows_changed'],
] as const;
const EVENTS = [
  ['insert', 'new'],
  ['update', 'new'],
  ['delete', 'old'],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: as above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of TRIGGERS) {
    for (const [event] of EVENTS) {
      await sql.raw(`drop trigger ${table}_${event}_changes on ${table}`).execute(db);
    }
  }
  await sql.raw('drop function minsheng_plan_changed()').execute(db);
  await sql.raw('drop function minsheng_plan_rows_changed()').execute(db);
  await db.schema.dropTable('plan_changes').execute();
}
