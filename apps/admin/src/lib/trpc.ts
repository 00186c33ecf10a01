import type { AppRouter } from '@minsheng/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

/**
 * The console's one way to the server. Only the router's type comes from @minsheng/api; the
 * session rides on an HttpOnly cookie the server sets at sign-in.
 */
export const client = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      // The server refuses a batch of more than 50 calls (apps/api, MAX_BATCH_CALLS).
      maxItems: 50,
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refused or expired session is an answer, not a hiccup to retry.
      retry: (count, error) => {
        const code = errorCode(error);
        if (code && code !== 'INTERNAL_SERVER_ERROR') return false;
        return count < 2;
      },
    },
  },
});

/**
 * Query and mutation options for every procedure, with keys tRPC derives from the procedure's
 * path and input: `useQuery(trpc.plans.get.queryOptions({ planId }))`, and after a change
 * `queryClient.invalidateQueries(trpc.observations.pathFilter())`. No key is written by hand.
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });

/** What each procedure answers, from its output schema: `RouterOutputs['plans']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

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
