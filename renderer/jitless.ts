import { z } from 'zod';

// STYLE.md §4: zod 4 compiles object parsers with `new Function`, which the CSP forbids (rpc.md §7). This
// module is the entry's first import, so it runs before any schema is parsed, even at import time.
z.config({ jitless: true });
