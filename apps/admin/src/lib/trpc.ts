import type { AppRouter } from '@minsheng/api';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';

/**
 * The console's one way to the server. Only the router's type comes from @minsheng/api; the
 * session rides on an HttpOnly cookie the server sets at sign-in.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});

/** What a query resolves to: `Out<typeof trpc.plans.list.query>`. */
// biome-ignore lint/suspicious/noExplicitAny: matches any procedure's call signature
export type Out<F extends (...args: any[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The error code tRPC carries (UNAUTHORIZED, FORBIDDEN, CONFLICT…), or null for other errors. */
export function errorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: unknown } | undefined;
    return typeof data?.code === 'string' ? data.code : null;
  }
  return null;
}

/** What to show a person for a failed call: the server's message, which is Chinese for users. */
export function errorMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') return '登录已失效，请重新登录';
  if (code === 'FORBIDDEN')
    return error instanceof Error && error.message ? error.message : '无权访问';
  if (error instanceof TRPCClientError) {
    if (!error.data && /fetch|network/i.test(error.message)) return '无法连接服务器，请稍后重试';
    return error.message;
  }
  return error instanceof Error ? error.message : '操作失败';
}
