import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Database, Kysely } from '@minsheng/db';

import { SESSION_COOKIE } from './auth.ts';
import { type Context, createContext } from './context.ts';
import { databaseUnavailable, isDatabaseUnavailable } from './errors.ts';

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // An unreadable cookie (`%`, a broken escape) names no session: the request is anonymous.
      return null;
    }
  }
  return null;
}

/** The context of one HTTP request: its session cookie, its peer, its response's cookies. */
export function createHttpContextFactory(db: Kysely<Database>) {
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<Context> => {
    const secure =
      Boolean((req.socket as TLSSocket).encrypted) || req.headers['x-forwarded-proto'] === 'https';
    // The session lookup runs before any procedure, so a database that is down shows here first.
    return createContext({
      db,
      sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
      meta: { clientIp: req.socket.remoteAddress ?? 'unknown', secure },
      setCookie: (header) => {
        const existing = res.getHeader('set-cookie');
        const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
        res.setHeader('set-cookie', [...list, header]);
      },
      setHeader: (name, value) => res.setHeader(name, value),
    }).catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
    });
  };
}
