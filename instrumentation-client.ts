import { z } from 'zod';

/**
 * Runs in the browser before the app's own code. Zod builds fast parsers with `new Function`
 * and, to know whether it may, probes eval the first time it builds an object schema. Our
 * Content-Security-Policy forbids eval (proxy.ts), so that probe would be reported as a CSP
 * violation on every page with a client-side schema: tell zod not to try.
 */
z.config({ jitless: true });
