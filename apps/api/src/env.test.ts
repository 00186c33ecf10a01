import { describe, expect, it } from 'vitest';
import { readServerEnv } from './env.ts';

describe("the server's environment", () => {
  it('falls back to its defaults for unset and empty variables', () => {
    expect(readServerEnv({ HOST: '', DATABASE_URL: '' })).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      MINSHENG_DB_TIMEOUT_MS: 30_000,
      DATABASE_URL: undefined,
      MINSHENG_DATA_DIR: undefined,
      MINSHENG_ADMIN_PASSWORD: undefined,
    });
  });

  it('reads what is set', () => {
    expect(
      readServerEnv({
        PORT: '0',
        HOST: '::1',
        MINSHENG_DB_TIMEOUT_MS: '250',
        DATABASE_URL: 'postgres://u@h/d',
        MINSHENG_DATA_DIR: '/tmp/x',
      }),
    ).toMatchObject({
      PORT: 0,
      HOST: '::1',
      MINSHENG_DB_TIMEOUT_MS: 250,
      DATABASE_URL: 'postgres://u@h/d',
      MINSHENG_DATA_DIR: '/tmp/x',
    });
  });

  it('refuses a bad value naming the variable and the value, every one at once', () => {
    expect(() => readServerEnv({ PORT: '80a', MINSHENG_DB_TIMEOUT_MS: '5' })).toThrow(
      'PORT: "80a" is not a port number (0-65535); MINSHENG_DB_TIMEOUT_MS: "5" is not a whole number of milliseconds >= 100',
    );
    expect(() => readServerEnv({ PORT: '70000' })).toThrow('PORT: "70000"');
  });
});
