export {};

// The CSP allows no eval, so zod must not compile its fast paths with `new Function` — not even
// probe for it: the caught probe still shows up as a CSP violation in the browser. zod reads
// the flag when a schema is created, so this module is imported first of all (main.tsx).
// zod keeps its settings on this global and adopts an object already there (zod/v4/core/core.js),
// so the entry sets the flag without loading zod: zod arrives later with the signed-in pages and
// the forms (ADR 0008). lib/zod-config.test.ts proves zod reads it.
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
