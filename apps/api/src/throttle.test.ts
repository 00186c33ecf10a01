import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningServer, startServer } from '@minsheng/testing/server-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ADMIN_PASSWORD = 'the throttle test admin';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  cookie: boolean;
  message: string;
  ms: number;
}

/**
 * One sign-in over HTTP from a chosen loopback address (Linux routes all of 127/8 to `lo`), so
 * the server sees different clients as it would behind different NATs.
 */
function signInFrom(base: string, from: string, username: string, password: string) {
  const body = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      new URL('trpc/auth.signIn', base),
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const parsed = JSON.parse(text) as { error?: { message?: string } };
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            cookie: res.headers['set-cookie'] !== undefined,
            message: parsed.error?.message ?? '',
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function tally(answers: Answer[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

describe('sign-in throttle over HTTP, a real server (issue 12)', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'minsheng-throttle-'));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dataDir, adminPassword: ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('40 parallel sign-ins from one address: 429 with Retry-After; the right one after them fails', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 39 }, (_, i) =>
        signInFrom(server.url, '127.0.0.40', 'admin', `guess ${i}`),
      ),
    );
    // Parallel requests past this address's three password checks at once are refused without
    // being checked or counted, so the burst may leave fewer than the six checked failures (five free, one starting the delay): the
    // guesses go on one by one until the throttle answers, then the right password must fail.
    const more: Awaited<ReturnType<typeof signInFrom>>[] = [];
    let failures = guesses.filter((a) => a.status === 401).length;
    while (failures < 6 && more.length < 10) {
      const a = await signInFrom(server.url, '127.0.0.40', 'admin', `more ${more.length}`);
      more.push(a);
      if (a.status !== 401) break;
      failures++;
    }
    const answers = [
      ...guesses,
      ...more,
      await signInFrom(server.url, '127.0.0.40', 'admin', ADMIN_PASSWORD),
    ];
    const statuses = tally(answers);
    console.log(
      `[attack] HTTP: 40 parallel sign-ins from one address: ${JSON.stringify(statuses)}`,
    );
    // Counted before checking: only the free failures and the one starting the delay are
    // checked; the rest are refused with 429 (throttled, or past this address's hashing share).
    expect(statuses[401] ?? 0).toBeLessThanOrEqual(6);
    expect(tally(guesses)[429] ?? 0).toBeGreaterThanOrEqual(33);
    expect(answers.some((a) => a.cookie)).toBe(false);
    expect(answers.at(-1)?.status).toBe(429);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(a.message).toMatch(/请 \d+ 秒后再试/);
    }
    // The same user from another address is not locked out.
    const elsewhere = await signInFrom(server.url, '127.0.0.2', 'admin', ADMIN_PASSWORD);
    expect(elsewhere).toMatchObject({ status: 200, cookie: true });
  });

  it("100 sign-ins at once from one address leave another user's sign-in fast", async () => {
    const quiet = await signInFrom(server.url, '127.0.0.3', 'admin', ADMIN_PASSWORD);
    expect(quiet.status).toBe(200);
    const burst = Array.from({ length: 100 }, (_, i) =>
      signInFrom(server.url, '127.0.0.100', `guess-${i}`, 'wrong password'),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await signInFrom(server.url, '127.0.0.4', 'admin', ADMIN_PASSWORD);
    const statuses = tally(await Promise.all(burst));
    console.log(
      `[attack] HTTP: a burst of 100 sign-ins from one address ${JSON.stringify(statuses)}; another user's sign-in ${during.status} in ${during.ms.toFixed(0)} ms (${quiet.ms.toFixed(0)} ms when quiet)`,
    );
    expect(during.status).toBe(200);
    expect(statuses[429] ?? 0).toBeGreaterThan(0);
    expect(during.ms).toBeLessThan(quiet.ms * 12 + 1000);
  });
});
