// zod for the client, configured before any schema is made or used: jitless, so that zod never tries
// `new Function` to compile a parser. The content security policy forbids eval, and even zod's one probe of it
// would be reported as a violation. Import `z` from here, not from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
