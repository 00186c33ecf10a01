import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  callTrpc,
  logLines,
  type RunningServer,
  signIn,
  spawnServer,
  startServer,
} from '@minsheng/testing/server-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('pnpm start (node --import tsx src/main.ts) on the embedded database', {
  timeout: 300_000,
}, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'minsheng-start-'));
  let first: RunningServer;
  let password = '';
  /** Every password and session token the tests send or are given: none may reach a log. */
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    first = await startServer({ dataDir });
  });
  afterAll(async () => {
    await first?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The output holds no secret, but the first password once, in the banner and no log line. */
  function expectNoSecrets(output: string): void {
    const lines = output.split('\n');
    const logs = lines.filter((l) => l.startsWith('{')).join('\n');
    expect(logs).not.toContain(password);
    expect(lines.filter((l) => l.includes(password))).toEqual([`    ${password}`]);
    const leaked = [...secrets].filter(([, secret]) => output.includes(secret));
    expect(leaked.map(([what]) => what)).toEqual([]);
  }

  it('migrates, seeds, prints the URL and a one-time admin password that signs in', async () => {
    password = /created with the password\s+(\S+)/.exec(first.output())?.[1] ?? '';
    expect(password).not.toBe('');
    expect((await fetch(`${first.url}healthz`)).status).toBe(200);
    const cookie = await signIn(first.url, 'admin', password);
    secrets.set('the first session token', cookie.split('=')[1] ?? cookie);
    const tree = await callTrpc<{ code: string; children: { code: string }[] }[]>(
      first.url,
      'regions.tree',
      undefined,
      { cookie, query: true },
    );
    // 国家 at the top (every region's name is public), 四川省 below it.
    expect(tree.data?.map((r) => r.code)).toEqual(['100000']);
    expect(tree.data?.[0]?.children.map((r) => r.code)).toEqual(['510000']);
  });

  it('keeps passwords and session tokens out of its output (sign-ins, users, password changes)', async () => {
    const secret = (what: string) => {
      const value = `${what.replace(/\W+/g, '-')}-${randomBytes(6).toString('hex')}`;
      secrets.set(what, value);
      return value;
    };
    const token = (what: string, cookie: string) => {
      secrets.set(what, cookie.split('=')[1] ?? cookie);
      return cookie;
    };
    const { url } = first;
    const statuses: number[] = [];
    const call = async (procedure: string, input: unknown, cookie?: string, query = false) => {
      const answer = await callTrpc(url, procedure, input, {
        query,
        ...(cookie ? { cookie } : {}),
      });
      statuses.push(answer.status);
      return answer;
    };

    // Wrong passwords: for a real name, an unknown name, and in a query string (a GET, refused).
    await call('auth.signIn', { username: 'admin', password: secret('a wrong password') });
    await call('auth.signIn', { username: 'nobody', password: secret('an unknown user password') });
    const inQuery = new URL('trpc/auth.signIn', url);
    inQuery.searchParams.set(
      'input',
      JSON.stringify({ username: 'admin', password: secret('a password in a URL') }),
    );
    statuses.push((await fetch(inQuery)).status);

    const admin = token('the admin session token', await signIn(url, 'admin', password));
    const editorPassword = secret('the editor password');
    const created = await call(
      'users.create',
      {
        username: 'logs-editor',
        displayName: 'logs editor',
        role: 'editor',
        regionCode: '510824',
        password: editorPassword,
      },
      admin,
    );
    const editorId = (created.data as { id: string }).id;
    await call(
      'users.create',
      {
        username: 'logs-editor',
        displayName: 'taken',
        role: 'editor',
        regionCode: '510824',
        password: secret('a password for a taken name'),
      },
      admin,
    );
    const editor = token(
      'the editor session token',
      await signIn(url, 'logs-editor', editorPassword),
    );
    await call(
      'auth.changePassword',
      { currentPassword: secret('a wrong current password'), newPassword: secret('unused new') },
      editor,
    );
    await call(
      'auth.changePassword',
      { currentPassword: editorPassword, newPassword: secret('the changed password') },
      editor,
    );
    const reset = secret('the reset password');
    await call('users.resetPassword', { id: editorId, password: reset }, admin);
    await call('auth.signIn', {
      username: 'logs-editor',
      password: secrets.get('the changed password'),
    });
    const again = token('a later session token', await signIn(url, 'logs-editor', reset));
    await call('auth.signOut', {}, again);
    await call('regions.tree', undefined, again, true);
    // The refusals among them are the expected ones, so every path above was really taken.
    expect(statuses).toEqual([401, 401, 405, 200, 409, 400, 200, 200, 401, 200, 401]);

    // The last requests' log lines may still be on their way: checked again after the stop.
    expectNoSecrets(first.output());
  });

  it('refuses a second server on the same data folder, naming the first, which keeps serving', async () => {
    const intruder = spawnServer({ dataDir });
    const { child } = intruder;
    const code = await new Promise((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
    );
    expect(code).toBe(1);
    expect(intruder.output()).toContain(`is in use by process ${first.child.pid}`);
    expect(intruder.output()).toContain(`serving ${first.url}trpc`);
    expect((await callTrpc(first.url, 'regions.list', undefined, { query: true })).status).toBe(
      401,
    );
  });

  it('stops on SIGTERM; a second start on the same folder seeds nothing and creates no admin', async () => {
    expect(await first.stop()).toBe(0);
    const output = first.output();
    expect(output).toContain('"msg":"stopped"');
    expectNoSecrets(output);
    console.log(
      `[logs] ${logLines(output).length} log lines of a first start, sign-ins right and wrong, user creation, ` +
        `a password change and reset, sign-out and stop: none of the ${secrets.size} passwords and session tokens ` +
        'sent or given in stdout or stderr; the first password once, outside the JSON log',
    );

    const second = await startServer({ dataDir });
    expect(second.output()).toContain('"changed":false');
    expect(second.output()).toContain('Sign in with an existing account');
    expect(second.output()).not.toContain('created with the password');
    expect(await second.stop()).toBe(0);
  });
});
