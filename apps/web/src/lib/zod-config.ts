import { config } from 'zod';

// The CSP allows no eval, so zod must not compile its fast paths with `new Function` — not even
// probe for it: the caught probe still shows up as a CSP violation in the browser. zod reads
// the flag when a schema is created, so this module is imported first of all (main.tsx).
config({ jitless: true });
