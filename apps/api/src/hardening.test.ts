import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  callTrpc,
  logLines,
  type RunningServer,
  signIn,
  startServer,
} from '@minsheng/testing/server-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from './server.ts';

/**
 * Issue 12's HTTP-level attacks, against the real server process (`pnpm start`'s path) on a
 * fresh PGlite folder: raw sockets for what fetch would refuse to send, fetch for the rest.
 */

const PASSWORD = 'hardening-admin-password-1';
let server: RunningServer;
let dataDir: string;
let host: string;
let port: number;

/** Sends bytes as they are and reads until the server closes or 400 ms pass in silence. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(400, done);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? done() : reject(error),
    );
    socket.write(request);
  });
}

/** The status code of the first answer, or 0 when the server closed without one. */
function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'minsheng-hardening-'));
  server = await startServer({ dataDir, adminPassword: PASSWORD });
  const url = new URL(server.url);
  host = url.host;
  port = Number(url.port);
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a malformed request never stops the server (issue 12, item 1)', () => {
  const h = () => `Host: ${host}\r\n`;
  const cases: [string, () => string | Buffer][] = [
    ['an absolute URL that URL rejects', () => `GET http://a:b/ HTTP/1.1\r\n${h()}\r\n`],
    ['a port over 65535', () => `GET http://127.0.0.1:99999/healthz HTTP/1.1\r\n${h()}\r\n`],
    ['an unclosed IPv6 host', () => `GET http://[::1/trpc/auth.me HTTP/1.1\r\n${h()}\r\n`],
    ['a bad escape in a page path', () => `GET /%zz%E0%A4%A HTTP/1.1\r\n${h()}\r\n`],
    ['a bad escape in a procedure path', () => `GET /trpc/auth.%E0%A4%A HTTP/1.1\r\n${h()}\r\n`],
    ['a bad escape in the input', () => `GET /trpc/auth.me?input=%7B%zz HTTP/1.1\r\n${h()}\r\n`],
    ['a NUL byte in the target', () => Buffer.from(`GET /a\0b HTTP/1.1\r\n${h()}\r\n`, 'latin1')],
    ['a NUL byte in a header', () => Buffer.from(`GET / HTTP/1.1\r\n${h()}X-A: a\0b\r\n\r\n`)],
    ['no Host at all', () => 'GET /healthz HTTP/1.1\r\n\r\n'],
    ['a Host that is no host', () => 'GET / HTTP/1.1\r\nHost: http://[:::\r\n\r\n'],
    ['an unknown method', () => `FOO / HTTP/1.1\r\n${h()}\r\n`],
    ['a method with spaces', () => `G E T / HTTP/1.1\r\n${h()}\r\n`],
    ['CONNECT to nowhere', () => `CONNECT a:b HTTP/1.1\r\n${h()}\r\n`],
    ['HTTP/9.9', () => `GET / HTTP/9.9\r\n${h()}\r\n`],
    [
      'a Content-Length that is no number',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
    ],
    [
      'a negative Content-Length',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`,
    ],
    [
      'two Content-Lengths that disagree',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
    ],
    [
      'a Content-Length longer than the body',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{}`,
    ],
    [
      'a broken chunk',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ],
    [
      'a header injected by a bare line feed',
      () => `GET / HTTP/1.1\r\n${h()}X-A: a\nSet-Cookie: x=y\r\n\r\n`,
    ],
    ['a folded header', () => `GET / HTTP/1.1\r\n${h()}X-A: a\r\n  b\r\n\r\n`],
    ['a header name with a space', () => `GET / HTTP/1.1\r\n${h()}Bad Header: x\r\n\r\n`],
    ['headers over 16 KB', () => `GET / HTTP/1.1\r\n${h()}X-A: ${'a'.repeat(20_000)}\r\n\r\n`],
    [
      'a body that is not JSON',
      () =>
        `POST /trpc/auth.signIn HTTP/1.1\r\n${h()}Content-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{{{`,
    ],
    [
      'a batch whose input is broken',
      () =>
        `GET /trpc/auth.me,auth.me?batch=1&input=%7B HTTP/1.1\r\n${h()}Connection: close\r\n\r\n`,
    ],
    ['garbage', () => '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 TLS hello\r\n\r\n'],
  ];

  it.each(cases)('%s: answered below 500 (or closed)', async (_name, request) => {
    const answer = await raw(request());
    expect(statusOf(answer), answer.slice(0, 200)).toBeLessThan(500);
  });

  it('and after all of them /healthz is 200 from the same process', async () => {
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.child.signalCode).toBeNull();
    // Each unparsable request is one log line, not a stack on stderr.
    expect(logLines(server.output()).some((l) => l.msg === 'unparsable request')).toBe(true);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });
});

describe('a malformed session cookie is no session (item 6)', () => {
  it('answers auth.me with no user, and signs in, instead of 500', async () => {
    const me = await callTrpc(server.url, 'auth.me', undefined, {
      query: true,
      cookie: 'minsheng_session=%',
    });
    expect(me.status).toBe(200);
    expect(me.data).toBeNull();
    const answer = await callTrpc(
      server.url,
      'auth.signIn',
      { username: 'admin', password: PASSWORD },
      { cookie: 'minsheng_session=%E0%A4%A' },
    );
    expect(answer.status).toBe(200);
    expect(answer.cookie).toMatch(/^minsheng_session=/);
  });
});

describe('deeply nested input is refused before validation (item 7)', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('answers an array nested 10,000 deep with 400, naming the limit', async () => {
    const res = await fetch(`${server.url}trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep(10_000),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('nested deeper than');
  });

  it('answers the same inside a batch, for every call, signed in', async () => {
    // Signed in, so the calls reach validation rather than stopping at "sign in first".
    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const res = await fetch(
      `${server.url}trpc/observations.saveDraft,observations.submit?batch=1`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: `{"0":${deep(10_000)},"1":${deep(10_000)}}`,
      },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { code: string } } }[];
    expect(body.map((r) => r.error.data.code)).toEqual(['BAD_REQUEST', 'BAD_REQUEST']);
  });
});

describe('batches (item 2)', () => {
  const batchOf = (procedure: string, n: number) =>
    `${server.url}trpc/${Array.from({ length: n }, () => procedure).join(',')}?batch=1`;

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls with 400, and takes ${MAX_BATCH_CALLS}`, async () => {
    const over = await fetch(batchOf('auth.me', MAX_BATCH_CALLS + 1));
    expect(over.status).toBe(400);
    expect(await over.text()).toContain(`at most ${MAX_BATCH_CALLS} calls`);
    const at = await fetch(batchOf('auth.me', MAX_BATCH_CALLS));
    expect(at.status).toBe(200);
  });

  it('refuses sign-ins in a batch: 49 wrong passwords and the right one last do not sign in', async () => {
    const body: Record<string, unknown> = {};
    for (let i = 0; i < 49; i++) body[i] = { username: 'admin', password: `wrong-${i}` };
    body[49] = { username: 'admin', password: PASSWORD };
    const res = await fetch(batchOf('auth.signIn', 50), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.text()).toContain('may not be batched');
  });

  it('still signs in with a batch of one, as the console sends it', async () => {
    const res = await fetch(batchOf('auth.signIn', 1), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { username: 'admin', password: PASSWORD } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/^minsheng_session=/);
  });

  it('refuses a sign-in hidden behind an escaped comma', async () => {
    const res = await fetch(`${server.url}trpc/auth.signIn%2Cauth.signIn?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        0: { username: 'admin', password: 'wrong' },
        1: { username: 'admin', password: PASSWORD },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('headers and origins (item 9)', () => {
  it('sends a Content-Security-Policy with frame-ancestors none and a Referrer-Policy', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('marks every /trpc answer Cache-Control: no-store', async () => {
    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const res = await fetch(`${server.url}trpc/auth.me`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${server.url}trpc/nothing.here`);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a mutation from another origin with 403, and takes one from its own', async () => {
    const post = (origin: string | null) =>
      fetch(`${server.url}trpc/auth.signIn`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(origin === null ? {} : { origin }),
        },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
    const evil = await post('http://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.getSetCookie()).toEqual([]);
    expect(await evil.text()).toContain('http://evil.example');
    // Another port of the same host is another origin.
    expect((await post(`http://127.0.0.1:${port + 1}`)).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect((await post(`http://${host}`)).status).toBe(200);
    expect((await post(null)).status).toBe(200);
  });

  it('takes a mutation whose Origin is the host a reverse proxy forwards', async () => {
    const res = await fetch(`${server.url}trpc/auth.signIn`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://minsheng.example.gov.cn',
        'x-forwarded-host': 'minsheng.example.gov.cn',
      },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
  });

  it('a multipart or text/plain POST from another origin does not sign a user out', async () => {
    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const form = new FormData();
    form.set('x', '1');
    const attempts = [
      { origin: 'http://evil.example', body: form },
      { origin: 'http://evil.example', body: 'x=1', type: 'text/plain' },
      { origin: null, body: form },
      { origin: null, body: 'x=1', type: 'text/plain' },
      { origin: null, body: 'x=1', type: 'application/x-www-form-urlencoded' },
    ];
    for (const attempt of attempts) {
      const res = await fetch(`${server.url}trpc/auth.signOut`, {
        method: 'POST',
        headers: {
          cookie,
          ...(attempt.origin ? { origin: attempt.origin } : {}),
          ...(attempt.type ? { 'content-type': attempt.type } : {}),
        },
        body: attempt.body,
      });
      expect([403, 415]).toContain(res.status);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const me = await callTrpc<{ username: string }>(server.url, 'auth.me', undefined, {
      query: true,
      cookie,
    });
    expect(me.data?.username).toBe('admin');
  });
});

describe('the last resort: an error nothing caught while serving a request', () => {
  it('with its log pipe closed, the server still answers and stays up', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-hardening-pipe-'));
    const other = await startServer({ dataDir: dir, adminPassword: PASSWORD });
    try {
      // Each request's log line now fails with EPIPE, an error event no code of the request
      // listens for: without the last resort it ends the process.
      other.child.stdout?.destroy();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(`${other.url}healthz`)).status);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect(other.child.exitCode).toBeNull();
      expect(other.child.signalCode).toBeNull();
    } finally {
      await other.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
