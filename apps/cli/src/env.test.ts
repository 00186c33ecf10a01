import { describe, expect, it } from 'vitest';
import { CliEnvSchema } from './env.ts';

describe("the command line's environment", () => {
  it('takes an empty variable as unset', () => {
    const env = CliEnvSchema.parse({ DATABASE_URL: '', MINSHENG_TOKEN: '', MINSHENG_DEBUG: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MINSHENG_TOKEN).toBeUndefined();
    expect(env.MINSHENG_DEBUG).toBe(false);
  });

  it('reads CI as CI systems set it, and "false" or "0" as not CI', () => {
    const ci = (CI: string | undefined) => CliEnvSchema.parse({ CI }).CI;
    expect([ci('true'), ci('1'), ci('yes')]).toEqual([true, true, true]);
    expect([ci(undefined), ci(''), ci('false'), ci('0')]).toEqual([false, false, false, false]);
  });
});
