export { type Ability, can } from './access.ts';
export { hashPassword, SESSION_COOKIE, verifyPassword } from './auth.ts';
export { ensureFirstAdmin, FIRST_ADMIN, type FirstAdmin } from './bootstrap.ts';
export {
  type Context,
  type CreateContextOptions,
  createContext,
  type RequestMeta,
} from './context.ts';
export { createHttpContextFactory, readCookie } from './http.ts';
export { type AppRouter, appRouter, createCaller } from './router.ts';
