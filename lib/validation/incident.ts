import { z } from 'zod';
import { INCIDENT_LINK_KINDS, INCIDENT_SCENARIOS, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '@/lib/domain/incidents/labels';
import { zText } from './text';

const id = (what: string) =>
  zText({ error: `Choose ${what}` })
    .trim()
    .min(1, `Choose ${what}`)
    .max(64, `${what} is not a valid id`);
const optionalId = zText()
  .trim()
  .max(64, 'Not a valid id')
  .optional()
  .transform((v) => (v ? v : undefined));
const prose = (what: string, min: number, max = 4000) =>
  zText({ error: `Write the ${what}`, multiline: true })
    .trim()
    .min(min, `Write the ${what} (at least ${min} characters)`)
    .max(max, `Keep the ${what} under ${max} characters`);
// A form posts one checkbox value per version: nothing, one string or several.
const VERSION_IDS = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(zText().trim().min(1).max(64, 'Not a valid version id'), { error: 'Choose versions' })
    .max(200, 'Choose at most 200 versions')
    .transform((ids) => [...new Set(ids)]),
);
// A checkbox: "on" (form) or a boolean (JSON).
const CHECKBOX = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const SCENARIO = z.enum(INCIDENT_SCENARIOS, { error: 'Choose a scenario' });
export const SEVERITY = z.enum(INCIDENT_SEVERITIES, { error: 'Choose a severity' });
const QUARANTINE_REASON = prose('reason for the quarantine', 10, 2000);

/** Open an incident; optionally quarantine a tool (every version, or the versions chosen) at once. */
export const ZOpenIncidentInput = z
  .object({
    scenario: SCENARIO,
    severity: SEVERITY,
    title: zText({ error: 'Give the incident a title' })
      .trim()
      .min(5, 'Give the incident a title (at least 5 characters)')
      .max(200, 'Keep the title under 200 characters'),
    summary: prose('summary of what is known', 10),
    /** The accountable responder; the opener when left empty. */
    ownerId: optionalId,
    toolId: optionalId,
    quarantine: CHECKBOX.default(false),
    toolVersionIds: VERSION_IDS,
    quarantineReason: zText({ multiline: true })
      .trim()
      .max(2000, 'Keep the reason under 2000 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.quarantine && !v.toolId) ctx.addIssue({ code: 'custom', path: ['toolId'], message: 'Choose the tool to quarantine' });
    if (v.quarantine && (v.quarantineReason ?? '').length < 10)
      ctx.addIssue({ code: 'custom', path: ['quarantineReason'], message: 'Say why it is quarantined (at least 10 characters)' });
    if (!v.quarantine && v.toolVersionIds.length > 0)
      ctx.addIssue({ code: 'custom', path: ['quarantine'], message: 'Tick “quarantine” to hold the versions chosen' });
  });
export type TOpenIncidentInput = z.input<typeof ZOpenIncidentInput>;

/** Quarantine a tool (no versions chosen = every version) under an incident. */
export const ZQuarantineToolInput = z.object({
  incidentId: id('an incident'),
  toolId: id('a tool'),
  toolVersionIds: VERSION_IDS,
  reason: QUARANTINE_REASON,
});
export type TQuarantineToolInput = z.input<typeof ZQuarantineToolInput>;

/** Lift: a security reviewer, with the reason it is safe again. */
export const ZLiftQuarantineInput = z.object({
  id: id('a quarantine'),
  reason: zText({ error: 'Say why the quarantine can be lifted', multiline: true })
    .trim()
    .min(10, 'Say why the quarantine can be lifted (at least 10 characters)')
    .max(2000, 'Keep the reason under 2000 characters'),
});
export type TLiftQuarantineInput = z.input<typeof ZLiftQuarantineInput>;

export const ZCompleteIncidentStepInput = z.object({
  incidentId: id('an incident'),
  stepKey: zText({ error: 'Choose a step' }).trim().min(1, 'Choose a step').max(64, 'Unknown step'),
  note: zText({ multiline: true }).trim().max(2000, 'Keep the note under 2000 characters').default(''),
});
export type TCompleteIncidentStepInput = z.input<typeof ZCompleteIncidentStepInput>;

export const ZAdvanceIncidentInput = z
  .object({
    incidentId: id('an incident'),
    to: z.enum(INCIDENT_STATUSES, { error: 'Choose a status' }),
    lessonsLearned: zText({ multiline: true })
      .trim()
      .max(4000, 'Keep the lessons under 4000 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'CLOSED' && (v.lessonsLearned ?? '').length < 20)
      ctx.addIssue({ code: 'custom', path: ['lessonsLearned'], message: 'Write the lessons learned (at least 20 characters)' });
  });
export type TAdvanceIncidentInput = z.input<typeof ZAdvanceIncidentInput>;

export const ZAddIncidentNoteInput = z.object({
  incidentId: id('an incident'),
  note: prose('note', 3),
});
export type TAddIncidentNoteInput = z.input<typeof ZAddIncidentNoteInput>;

/** Link a record: tools, versions, agents and alerts by id; an invocation event by its chain position. */
export const ZLinkIncidentRecordInput = z
  .object({
    incidentId: id('an incident'),
    kind: z.enum(INCIDENT_LINK_KINDS, { error: 'Choose what to link' }),
    targetId: zText({ error: 'Enter the record to link' }).trim().min(1, 'Enter the record to link').max(64, 'Not a valid id'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'INVOCATION' && !/^\d{1,19}$/.test(v.targetId))
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'An invocation event is named by its sequence number' });
  });
export type TLinkIncidentRecordInput = z.input<typeof ZLinkIncidentRecordInput>;

export const ZIncidentIdInput = z.object({ id: id('an incident') });

/** /incidents: the list's filters (URL state). */
export const ZListIncidentsQuery = z.object({
  q: zText().trim().max(100, 'Use at most 100 characters').optional(),
  status: z.enum(INCIDENT_STATUSES, { error: 'Unknown status' }).optional(),
  scenario: z.enum(INCIDENT_SCENARIOS, { error: 'Unknown scenario' }).optional(),
  severity: z.enum(INCIDENT_SEVERITIES, { error: 'Unknown severity' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListIncidentsQuery = z.input<typeof ZListIncidentsQuery>;
