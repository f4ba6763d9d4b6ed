import { z } from 'zod';
import { ZRecordId } from './inventory';

/** Acknowledge (someone is on it) or resolve (handled) one alert. */
export const ZUpdateAlertStateInput = z.object({
  id: ZRecordId,
  action: z.enum(['acknowledge', 'resolve'], { error: 'Choose acknowledge or resolve' }),
});
export type TUpdateAlertStateInput = z.infer<typeof ZUpdateAlertStateInput>;
