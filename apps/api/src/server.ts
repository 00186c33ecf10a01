import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRouter, createHttpContextFactory } from '@minsheng/api';
import { type Database, type Kysely, ping } from '@minsheng/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createLogger, errorFields, type Logger } from './log.ts';

/** The admin app's build output, next to this app in the repository. */
export const DEFAULT_ADMIN_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../admin/dist',
);

/** A request body larger than this is refused (413) before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  db: Kysely<Database>;
  log?: Logger;
  /** The built admin app; null serves none. Default: apps/admin/dist. */
  adminDir?: string | null;
  maxBodySize?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `Minsheng API is running; the admin app is not built yet.

Build it with:   pnpm --filter @minsheng/admin build
then restart:    pnpm start

The API answers at /trpc (sign in with POST /trpc/auth.signIn) and /healthz.
`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The HTTP server: /trpc (the router), /healthz, and the admin app at every other path. */
export function createApiServer(options: ServerOptions): Server {
  const log = options.log ?? createLogger();
  const adminDir = options.adminDir === undefined ? DEFAULT_ADMIN_DIR : options.adminDir;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: options.maxBodySize ?? MAX_BODY_BYTES,
    createContext: createHttpContextFactory(options.db),
    onError({ error, path: procedure }) {
      // The client gets a plain message; the cause, SQL and stack are for the operator.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        log.error('procedure failed', { procedure, ...errorFields(error.cause ?? error) });
      } else if (error.code === 'SERVICE_UNAVAILABLE') {
        // Expected while the database restarts: one line a request, the driver's words, no stack.
        log.warn('database unavailable', { procedure, error: String(error.cause ?? error) });
      }
    },
  });

  async function health(res: ServerResponse): Promise<void> {
    try {
      await Promise.race([
        ping(options.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 3000).unref()),
      ]);
      send(res, 200, 'application/json', JSON.stringify({ status: 'ok', database: 'ok' }));
    } catch (error) {
      log.warn('health check failed', errorFields(error));
      send(
        res,
        503,
        'application/json',
        JSON.stringify({ status: 'unavailable', database: 'down' }),
      );
    }
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    if (!adminDir || !existsSync(path.join(adminDir, 'index.html'))) {
      if (pathname === '/') send(res, 200, 'text/plain; charset=utf-8', NOT_BUILT);
      else send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'bad path\n');
      return;
    }
    const root = path.resolve(adminDir);
    let file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile) {
      // A path without an extension is a page of the single-page app: it gets index.html.
      if (path.extname(decoded) !== '') {
        send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
        return;
      }
      file = path.join(root, 'index.html');
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  return createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-content-type-options', 'nosniff');
    res.on('finish', () => {
      // The path only: query strings carry procedure inputs, and headers carry the cookie.
      const isTrpc = url.pathname.startsWith('/trpc/');
      log.info('request', {
        method: req.method,
        path: isTrpc ? '/trpc' : url.pathname,
        ...(isTrpc ? { procedure: url.pathname.slice('/trpc/'.length) } : {}),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    if (url.pathname === '/healthz') {
      void health(res);
    } else if (url.pathname === '/trpc' || url.pathname.startsWith('/trpc/')) {
      trpc(req, res);
    } else {
      serveStatic(req, res, url.pathname);
    }
  });
}
