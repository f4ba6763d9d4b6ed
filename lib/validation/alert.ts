import { z } from 'zod';
import { ZRecordId } from './inventory';
import { zText } from './text';

/** Acknowledge (someone is on it) or resolve (handled) one alert. */
export const ZUpdateAlertStateInput = z.object({
  id: ZRecordId,
  action: z.enum(['acknowledge', 'resolve'], { error: 'Choose acknowledge or resolve' }),
});
export type TUpdateAlertStateInput = z.infer<typeof ZUpdateAlertStateInput>;

export const ALERT_NOTE_MAX = 2000;

/**
 * Give an alert to someone who works alerts, or take it back: an empty assignee unassigns (the
 * select's "Nobody" option posts an empty string).
 */
export const ZAssignAlertInput = z.object({
  id: ZRecordId,
  assigneeId: z.preprocess((v) => (v === '' || v === undefined ? null : v), ZRecordId.nullable()),
});
export type TAssignAlertInput = z.input<typeof ZAssignAlertInput>;

/** One note on an alert's thread; notes are never edited or deleted. */
export const ZAddAlertNoteInput = z.object({
  id: ZRecordId,
  body: zText({ error: 'Write the note', multiline: true })
    .trim()
    .min(1, 'Write the note')
    .max(ALERT_NOTE_MAX, `Keep the note under ${ALERT_NOTE_MAX} characters`),
});
export type TAddAlertNoteInput = z.input<typeof ZAddAlertNoteInput>;
