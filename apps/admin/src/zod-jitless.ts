/**
 * Zod compiles its object parsers with `new Function` when it may, and probes whether it may by
 * calling `Function('')` once. The server's Content-Security-Policy forbids eval in the console
 * (script-src 'self'), so the probe fails and is caught, but the browser still reports it as a
 * policy violation. Jitless mode skips the probe; the console's parsing is small either way.
 * Zod keeps this setting on globalThis, so it is set here before or after zod loads alike.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;
