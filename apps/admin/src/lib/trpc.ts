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
      // The server refuses a batch of more than 50 calls (apps/api, MAX_BATCH_CALLS).
      maxItems: 50,
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

// The server words its errors in English with the field and value named; the console leads with
// what happened in Chinese and keeps the server's detail after it, so nothing specific is lost.
const CODE_ZH: Record<string, string> = {
  BAD_REQUEST: '输入有误',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '未找到',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  PRECONDITION_FAILED: '当前状态不允许此操作',
  TOO_MANY_REQUESTS: '尝试次数过多，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  INTERNAL_SERVER_ERROR: '服务器内部错误',
};

/** What to show a person for a failed call: what happened in Chinese, then the server's detail. */
export function errorMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') return '登录已失效，请重新登录';
  if (error instanceof TRPCClientError) {
    if (!code) return '无法连接服务器，请稍后重试';
    const zh = CODE_ZH[code] ?? '操作失败';
    return error.message ? `${zh}（${error.message}）` : zh;
  }
  return error instanceof Error ? error.message : '操作失败';
}

/** The sign-in form's error: a wrong name or password is not an expired session. */
export function signInErrorMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') return '用户名或密码错误，或账号已停用';
  if (code === 'TOO_MANY_REQUESTS') return '登录失败次数过多，请稍后再试';
  return errorMessage(error);
}
