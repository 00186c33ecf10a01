import { randomUUID } from 'node:crypto';
import { anyUser, type Database, insertUser, type Kysely, regionExists } from '@minsheng/db';
import { PasswordSchema } from '@minsheng/domain';

import { audit } from './audit.ts';
import { hashPassword, randomPassword } from './auth.ts';

export const FIRST_ADMIN = { username: 'admin', regionCode: '510000' } as const;

export type FirstAdmin =
  | { created: false }
  | { created: true; username: string; password: string; generated: boolean };

/**
 * On a database with no users, creates `admin` over 四川省 (the top region): with
 * `MINSHENG_ADMIN_PASSWORD` when given, else a random password the caller prints once.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  options: { password?: string | undefined; regionCode?: string } = {},
): Promise<FirstAdmin> {
  const given = options.password || undefined;
  if (given !== undefined) {
    const checked = PasswordSchema.safeParse(given);
    if (!checked.success) {
      throw new Error(`MINSHENG_ADMIN_PASSWORD: ${checked.error.issues[0]?.message}`);
    }
  }
  // Hashing costs a good part of a start: only when there is no user yet (checked again below,
  // in the transaction that creates the admin, should two servers start at once).
  if (await anyUser(db)) return { created: false };
  const password = given ?? randomPassword();
  const hash = await hashPassword(password);
  const regionCode = options.regionCode ?? FIRST_ADMIN.regionCode;
  return db.transaction().execute(async (trx) => {
    if (await anyUser(trx)) return { created: false } as const;
    if (!(await regionExists(trx, regionCode)))
      throw new Error(`the first admin's region ${regionCode} is not seeded`);
    const id = randomUUID();
    await insertUser(trx, {
      id,
      username: FIRST_ADMIN.username,
      displayName: '管理员',
      passwordHash: hash,
      role: 'admin',
      regionCode,
    });
    await audit(trx, {
      actor: null,
      action: 'create_first_admin',
      entity: 'user',
      entityId: id,
      regionCode,
      after: { username: FIRST_ADMIN.username, role: 'admin', regionCode },
    });
    return {
      created: true,
      username: FIRST_ADMIN.username,
      password,
      generated: given === undefined,
    } as const;
  });
}
