import { z } from 'zod';
import { ZInvocationListInput } from './invocation-filter';

/** GET /api/v1/events: the explorer's filters, and the shape of each record (the agent's fields, or OCSF). */
export const ZInvocationApiListInput = ZInvocationListInput.extend({
  format: z.enum(['json', 'ocsf'], { error: 'Use json or ocsf' }).default('json'),
});
