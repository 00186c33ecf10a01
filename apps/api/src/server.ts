import { AsyncLocalStorage } from 'node:async_hooks';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
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

/** The most calls one batched tRPC request may carry; the console sends a handful at a time. */
export const MAX_BATCH_CALLS = 50;

/**
 * The built console loads its scripts, styles and fonts from its own origin and talks only to
 * its own /trpc. Ant Design writes its styles into <style> elements at run time, hence
 * 'unsafe-inline' for styles (never for scripts). No page may frame the console.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The request being handled, so an error thrown outside its call stack still finds it. */
const requestScope = new AsyncLocalStorage<{ req: IncomingMessage; res: ServerResponse }>();

/** The request target as a URL, or null when it is none (`http://a:b/`, a port over 65535). */
function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** Requests already ended by `failed`: a second error of theirs is not logged again. */
const alreadyFailed = new WeakSet<ServerResponse>();

/** Ends one request that failed in a way nothing else caught: 500, or a cut connection. */
function failed(req: IncomingMessage, res: ServerResponse, error: unknown, log: Logger): void {
  // When the log itself is what fails (its pipe closed), logging again would fail again, in
  // the same request's context, without end.
  if (alreadyFailed.has(res)) return;
  alreadyFailed.add(res);
  const target = parseTarget(req.url);
  log.error('request failed', {
    method: req.method,
    path: target?.pathname.startsWith('/trpc/') ? '/trpc' : (target?.pathname ?? '(unreadable)'),
    ...errorFields(error),
  });
  if (!res.headersSent) {
    send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
  } else {
    res.destroy();
  }
}

/**
 * Last resort for the server process: an error no handler caught, thrown while a request was
 * being served, ends that request (500) and leaves the server serving; one outside any request
 * means the process itself is broken, and it stops.
 */
export function installLastResort(log: Logger): void {
  process.on('uncaughtException', (error) => {
    const scope = requestScope.getStore();
    if (scope) {
      failed(scope.req, scope.res, error, log);
      return;
    }
    log.error('uncaught error', errorFields(error));
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    const scope = requestScope.getStore();
    if (scope) failed(scope.req, scope.res, error, log);
    else log.error('unhandled rejection', errorFields(error));
  });
}

interface Refusal {
  status: number;
  code: 'BAD_REQUEST' | 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE';
  message: string;
  /** Calls in the batch refused, each answered with the error; null for an unbatched request. */
  calls: number | null;
}

const JSONRPC_CODES: Record<Refusal['code'], number> = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  UNSUPPORTED_MEDIA_TYPE: -32015,
};

/** The procedures that check a password or end a session: one of them per request. */
function isSessionProcedure(procedure: string): boolean {
  return procedure.startsWith('auth.') && procedure !== 'auth.me';
}

/**
 * What the router must not see: a mutation from another origin (cross-site request forgery),
 * a body in a form's content type, a batch too large or one that guesses passwords in bulk.
 */
function refuseTrpc(req: IncomingMessage, url: URL): Refusal | null {
  const batched = url.searchParams.get('batch') === '1';
  let procedures: string[] = [];
  try {
    procedures = decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',');
  } catch {
    // A malformed escape: tRPC answers it 400 itself.
  }
  // A batch's refusal answers each of its calls (at least one), as tRPC would.
  const calls = batched ? Math.max(procedures.length, 1) : null;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req)) {
      return {
        status: 403,
        code: 'FORBIDDEN',
        message: `cross-origin request refused: Origin ${JSON.stringify(origin)} is not this server (${req.headers.host ?? 'no Host'}); 跨站请求已拒绝`,
        calls,
      };
    }
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `content-type ${JSON.stringify(type || 'none')} refused: /trpc takes application/json only`,
        calls,
      };
    }
  }
  if (batched && procedures.length > MAX_BATCH_CALLS) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `batch of ${procedures.length} calls refused: at most ${MAX_BATCH_CALLS} calls in one request`,
      calls,
    };
  }
  const session = procedures.find(isSessionProcedure);
  if (batched && procedures.length > 1 && session) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `${session} may not be batched with other calls: one sign-in, sign-out or password change per request`,
      calls,
    };
  }
  return null;
}

/**
 * An Origin header naming this server: the same host and port as the request's Host, or as the
 * X-Forwarded-Host a reverse proxy in front sets. The scheme is not compared, so a proxy that
 * ends TLS needs no setting. A page of another origin can set neither header on a request the
 * browser sends without asking the server first (a preflight, which this server never grants).
 */
function isOwnOrigin(origin: string, req: IncomingMessage): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    // `null` (a sandboxed frame, a file) or garbage: not this server.
    return false;
  }
  const forwarded = req.headers['x-forwarded-host'];
  const own = [req.headers.host, ...(Array.isArray(forwarded) ? forwarded : [forwarded])]
    .flatMap((h) => (h ? h.split(',') : []))
    .map((h) => h.trim().toLowerCase());
  return own.includes(host);
}

/** A refusal in tRPC's error shape, so the console's client shows its message. */
function sendTrpcError(res: ServerResponse, refusal: Refusal): void {
  const error = {
    error: {
      message: refusal.message,
      code: JSONRPC_CODES[refusal.code],
      data: { code: refusal.code, httpStatus: refusal.status },
    },
  };
  const body = refusal.calls === null ? error : Array.from({ length: refusal.calls }, () => error);
  send(res, refusal.status, 'application/json', JSON.stringify(body));
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
    else
      createReadStream(file)
        .on('error', (error) => failed(req, res, error, log))
        .pipe(res);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = parseTarget(req.url);
    res.on('finish', () => {
      // The path only: query strings carry procedure inputs, and headers carry the cookie.
      const pathname = url?.pathname ?? '(unreadable)';
      const isTrpc = pathname.startsWith('/trpc/');
      log.info('request', {
        method: req.method,
        path: isTrpc ? '/trpc' : pathname,
        ...(isTrpc ? { procedure: pathname.slice('/trpc/'.length) } : {}),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });
    if (!url) {
      send(res, 400, 'text/plain; charset=utf-8', 'bad request: the request target is not a URL\n');
      return;
    }
    if (url.pathname === '/healthz') {
      void health(res);
    } else if (url.pathname === '/trpc' || url.pathname.startsWith('/trpc/')) {
      res.setHeader('cache-control', 'no-store');
      const refusal = refuseTrpc(req, url);
      if (refusal) {
        sendTrpcError(res, refusal);
        return;
      }
      void Promise.resolve(trpc(req, res)).catch((error: unknown) => failed(req, res, error, log));
    } else {
      serveStatic(req, res, url.pathname);
    }
  }

  const server = createServer((req, res) => {
    requestScope.run({ req, res }, () => {
      try {
        handle(req, res);
      } catch (error) {
        failed(req, res, error, log);
      }
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Node answers a request it cannot parse by itself; this only adds the log line.
    log.warn('unparsable request', { error: error.code ?? error.message });
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}
