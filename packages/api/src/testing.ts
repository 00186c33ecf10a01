import { randomUUID } from 'node:crypto';
import type { Database, Kysely } from '@minsheng/db';
import { insertUser, seedCatalog } from '@minsheng/db';
import { fixturePackages } from '@minsheng/db/testing';
import type { Role, User } from '@minsheng/domain';
import { createSession, hashPassword } from './auth.ts';
import { type Context, createContext } from './context.ts';
import { createCaller } from './router.ts';

export const TEST_PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | null = null;

/** Adds a user straight to the database (the hash is computed once per test process). */
export async function addUser(
  db: Kysely<Database>,
  username: string,
  role: Role,
  regionCode: string,
): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return insertUser(db, {
    id: randomUUID(),
    username,
    displayName: username,
    passwordHash: await passwordHash,
    role,
    regionCode,
  });
}

export type Caller = ReturnType<typeof createCaller>;

/** A caller signed in as the user through a real session row (anonymous for null). */
export async function callerFor(
  db: Kysely<Database>,
  user: User | null,
  meta: Partial<Context['meta']> = {},
): Promise<Caller> {
  return (await sessionFor(db, user, meta)).caller;
}

/** As `callerFor`, with the session token and the Set-Cookie headers the caller was sent. */
export async function sessionFor(
  db: Kysely<Database>,
  user: User | null,
  meta: Partial<Context['meta']> = {},
): Promise<{ caller: Caller; cookies: string[]; token: string | null }> {
  const token = user ? (await createSession(db, user.id, new Date())).token : null;
  const cookies: string[] = [];
  const ctx = await createContext({
    db,
    sessionToken: token,
    meta,
    setCookie: (c) => cookies.push(c),
  });
  return { caller: createCaller(ctx), cookies, token };
}

/**
 * The fixture world (四川省 › 广元市 › 利州区, 苍溪县; plans cangxi-2021 and lizhou-2021) with a
 * user of each role over 苍溪县, a second editor there, an editor of 利州区 and a province admin.
 */
export async function seedWorld(db: Kysely<Database>) {
  await seedCatalog(db, fixturePackages());
  return {
    root: await addUser(db, 'root', 'admin', '510000'),
    cxAdmin: await addUser(db, 'cx-admin', 'admin', '510824'),
    cxEditor: await addUser(db, 'cx-editor', 'editor', '510824'),
    cxEditor2: await addUser(db, 'cx-editor2', 'editor', '510824'),
    cxViewer: await addUser(db, 'cx-viewer', 'viewer', '510824'),
    lzEditor: await addUser(db, 'lz-editor', 'editor', '510802'),
  };
}

/**
 * Text a user may type anywhere free text is taken, each of which must come back out as the
 * same characters (in a page, in a PDF), never as markup, script, a link or a template. The
 * console's and the reports' "text shown as text" tests share them, so both face the same list.
 */
export const HOSTILE_TEXTS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '"><svg onload=window.__pwned=1>',
  link: 'javascript:window.__pwned=1',
  template: "{{constructor.constructor('window.__pwned=1')()}}",
  // U+202E flips what follows on screen: "exe.txt" would read as "txt.exe".
  rtl: '\u202E民生备注exe.txt',
  sql: "'; drop table observations; --",
} as const;
