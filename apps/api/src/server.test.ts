import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppRouter } from '@minsheng/api';
import { seedWorld, TEST_PASSWORD } from '@minsheng/api/testing';
import type { Db } from '@minsheng/db';
import { describeEachDialect, dialects, openMigratedDb } from '@minsheng/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';
import { createApiServer } from './server.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A tRPC client with its own cookie jar, as a browser tab would have. */
function client(base: string) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/trpc`,
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
          if (jar.size > 0) {
            headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
          }
          const res = await fetch(url, { ...(init as RequestInit), headers });
          for (const c of res.headers.getSetCookie()) {
            setCookies.push(c);
            const [pair] = c.split(';');
            const [name, value] = (pair ?? '').split('=');
            if (name) {
              if (value) jar.set(name, value);
              else jar.delete(name);
            }
          }
          return res;
        },
      }),
    ],
  });
  return { trpc, jar, setCookies };
}

function codeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string })?.code : undefined;
}

describeEachDialect('HTTP server', (dialect) => {
  let db: Db;
  let server: Server;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await openMigratedDb(dialect);
    await seedWorld(db.kysely);
    const log = createLogger({ write: (line: string) => lines.push(line) > 0 });
    server = createApiServer({ db: db.kysely, log, adminDir: null });
    base = await listen(server);
  });
  afterAll(async () => {
    if (server) await close(server);
    await db?.close();
  });

  it('answers /healthz with 200 while the database answers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('says at / how to build the admin app when it is not built', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('pnpm --filter @minsheng/admin build');
  });

  it('signs in over HTTP with an HttpOnly cookie, serves procedures, signs out', async () => {
    const { trpc, jar, setCookies } = client(base);
    await expect(trpc.regions.tree.query()).rejects.toSatisfy((e) => codeOf(e) === 'UNAUTHORIZED');
    const { user } = await trpc.auth.signIn.mutate({
      username: 'cx-editor',
      password: TEST_PASSWORD,
    });
    expect(user.username).toBe('cx-editor');
    expect(setCookies[0]).toMatch(/^minsheng_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(jar.has('minsheng_session')).toBe(true);
    const plans = await trpc.plans.list.query();
    expect(plans.map((p) => p.id)).toEqual(['cangxi-2021']);
    await trpc.auth.signOut.mutate();
    expect(jar.has('minsheng_session')).toBe(false);
    await expect(trpc.plans.list.query()).rejects.toSatisfy((e) => codeOf(e) === 'UNAUTHORIZED');
  });

  it('answers bad input with 400 and a message naming the field and value, no stack, no SQL', async () => {
    const { trpc } = client(base);
    await trpc.auth.signIn.mutate({ username: 'cx-editor', password: TEST_PASSWORD });
    const cookie = `minsheng_session=${(await signInCookie(base, 'cx-editor2')) ?? ''}`;
    const res = await fetch(`${base}/trpc/observations.saveDraft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        planId: 'cangxi-2021',
        indicatorId: 'nursery-places',
        year: 2031,
        value: '3',
        expectedVersion: null,
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; data: Record<string, unknown> };
    };
    expect(body.error.message).toContain('year');
    expect(body.error.message).toContain('2031');
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d+|select |insert /i);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).not.toContain('yyyy');
  });

  it('two HTTP clients saving the same observation version: one 409 CONFLICT, no lost value', async () => {
    const a = client(base);
    const b = client(base);
    await a.trpc.auth.signIn.mutate({ username: 'cx-editor', password: TEST_PASSWORD });
    await b.trpc.auth.signIn.mutate({ username: 'cx-editor2', password: TEST_PASSWORD });
    const key = { planId: 'cangxi-2021', indicatorId: 'preschool-enrolment', year: 2022 };
    const first = await a.trpc.observations.saveDraft.mutate({
      ...key,
      value: '89',
      expectedVersion: null,
    });
    const results = await Promise.allSettled([
      a.trpc.observations.saveDraft.mutate({
        ...key,
        value: '89.4',
        expectedVersion: first.version,
      }),
      b.trpc.observations.saveDraft.mutate({
        ...key,
        value: '89.6',
        expectedVersion: first.version,
      }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    const fulfilled = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      raw: string;
    }>[];
    expect(rejected).toHaveLength(1);
    expect(codeOf(rejected[0]?.reason)).toBe('CONFLICT');
    expect(String((rejected[0]?.reason as Error | undefined)?.message)).toMatch(
      /changed by cx-editor2? at/,
    );
    const [stored] = await a.trpc.observations.list.query(key);
    expect(stored?.raw).toBe(fulfilled[0]?.value.raw);
  });

  it('hides internal errors: 500 with a plain message, the cause only in the log', async () => {
    const { trpc } = client(base);
    await trpc.auth.signIn.mutate({ username: 'cx-viewer', password: TEST_PASSWORD });
    await db.kysely.schema.alterTable('service_items').renameTo('service_items_gone').execute();
    try {
      const res = await fetch(
        `${base}/trpc/standards.list?input=${encodeURIComponent(JSON.stringify({ planId: 'cangxi-2021' }))}`,
        {
          headers: { cookie: `minsheng_session=${(await signInCookie(base, 'cx-viewer')) ?? ''}` },
        },
      );
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain('internal error');
      expect(text).not.toMatch(/service_items|relation|select|stack/i);
      expect(lines.some((l) => l.includes('procedure failed') && l.includes('service_items'))).toBe(
        true,
      );
    } finally {
      await db.kysely.schema.alterTable('service_items_gone').renameTo('service_items').execute();
    }
  });

  it('logs one JSON line per request, without cookies, inputs or passwords', () => {
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(5);
    for (const r of requests) {
      expect(Object.keys(r).sort()).toEqual(
        expect.arrayContaining(['method', 'path', 'status', 'ms', 'time', 'level']),
      );
    }
    expect(requests.some((r) => r.procedure === 'auth.signIn' && r.status === 200)).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toContain('minsheng_session');
    expect(all).not.toContain('planId');
  });

  it('answers /healthz with 503 when the database does not', async () => {
    const other = await openMigratedDb(dialect);
    const s = createApiServer({
      db: other.kysely,
      log: createLogger({ write: () => true }),
      adminDir: null,
    });
    const url = await listen(s);
    await other.close();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    await close(s);
  });
});

/** Signs in with a raw request and gives the session token from Set-Cookie. */
async function signInCookie(base: string, username: string): Promise<string | undefined> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  return res.headers.getSetCookie()[0]?.split(';')[0]?.split('=')[1];
}

describe('the admin app', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'minsheng-admin-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>民生</title>');
    writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    // A file next to the build folder, which no URL may reach.
    writeFileSync(`${dir}-secret.txt`, 'secret');
    const pglite = dialects.find((d) => d.name === 'pglite');
    if (!pglite) throw new Error('no PGlite dialect');
    db = await openMigratedDb(pglite);
    server = createApiServer({
      db: db.kysely,
      log: createLogger({ write: () => true }),
      adminDir: dir,
    });
    base = await listen(server);
  });
  afterAll(async () => {
    await close(server);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-secret.txt`, { force: true });
  });

  it('serves the built files, and index.html for the pages of the app', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('民生');
    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${base}/plans/cangxi-2021`);
    expect(await page.text()).toContain('民生');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/..%2f${path.basename(dir)}-secret.txt`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
    const raw = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: new URL(base).port,
          path: `/../${path.basename(dir)}-secret.txt`,
        },
        (res) => {
          let body = '';
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(raw).not.toContain('secret');
  });
});
