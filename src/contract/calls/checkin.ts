import { z } from 'zod';
import { CHECKIN_RED_FLAG_GROUPS, NRS_MAX, NRS_MIN } from '../../core/checkin/triage';
import { organisationLinkSchema } from '../health';
import { citationSchema } from './checklist';
import { actionResultSchema, noInput } from './common';

/**
 * The weekly upper-back check-in (docs/checkin.md): turning it on or off (the person
 * only; no policy can), answering it, what the answers call for, the week-by-week
 * trend beside the breaks, and the printable summary. The answers stay in the local
 * history; nothing here sends them anywhere.
 */

const nrs = (what: string) => {
  const message = `${what} must be a whole number from ${NRS_MIN} to ${NRS_MAX}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(NRS_MIN, { error: message })
    .max(NRS_MAX, { error: message });
};

const redFlagAnswersSchema = z.strictObject({
  emergency: z.boolean({ error: 'answer yes (true) or no (false)' }),
  urgent: z.boolean({ error: 'answer yes (true) or no (false)' }),
});

export const checkinAnswersSchema = z.strictObject({
  pain: nrs('pain'),
  interference: nrs('interference'),
  redFlags: redFlagAnswersSchema,
});
export type CheckinAnswersInput = z.infer<typeof checkinAnswersSchema>;

export const checkinAdviceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('red-flag'),
    urgency: z.enum(CHECKIN_RED_FLAG_GROUPS),
    source: z.array(citationSchema),
  }),
  z.object({
    kind: z.literal('see-professional'),
    reason: z.enum(['not-improving', 'getting-worse', 'new-pain']),
    source: z.array(citationSchema),
    /** The organisation's own links (physiotherapy, occupational health), if its policy gives any. */
    links: z.array(organisationLinkSchema),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type CheckinAdviceView = z.infer<typeof checkinAdviceSchema>;

export const checkinViewSchema = z.object({
  at: z.number(),
  /** The local calendar date of the answer. */
  date: z.string(),
  pain: z.number(),
  interference: z.number(),
  redFlags: redFlagAnswersSchema,
});
export type CheckinView = z.infer<typeof checkinViewSchema>;

export const checkinWeekSchema = z.object({
  weekStart: z.string(),
  pain: z.number().nullable(),
  interference: z.number().nullable(),
  redFlag: z.boolean(),
  breaksDue: z.number(),
  breaksKept: z.number(),
  heatMinutes: z.number(),
  iceMinutes: z.number(),
});
export type CheckinWeekView = z.infer<typeof checkinWeekSchema>;

export const checkinDueSchema = z.object({ due: z.boolean(), since: z.number().nullable() });
export type CheckinDue = z.infer<typeof checkinDueSchema>;

export const checkinStateSchema = z.object({
  enabled: z.boolean(),
  due: checkinDueSchema,
  /** The health content's sign ids listed under each yes/no question. */
  questions: z.object({ emergency: z.array(z.string()), urgent: z.array(z.string()) }),
  latest: checkinViewSchema.nullable(),
  /** What the latest answers call for. */
  advice: checkinAdviceSchema,
});
export type CheckinState = z.infer<typeof checkinStateSchema>;

export const MAX_CHECKIN_WEEKS = 52;
export const checkinWeeksSchema = z.strictObject({
  /** How many weeks, this one included; 12 when absent. */
  weeks: z.number().int().min(1).max(MAX_CHECKIN_WEEKS).optional(),
});

export const checkinSummarySchema = z.object({
  generatedAt: z.number(),
  timeZone: z.string(),
  enabled: z.boolean(),
  weeks: z.array(checkinWeekSchema),
  checkins: z.array(checkinViewSchema),
  latestChecklist: z.object({ at: z.number(), percent: z.number().nullable() }).nullable(),
});
export type CheckinSummary = z.infer<typeof checkinSummarySchema>;

export const checkinCalls = {
  getCheckin: { input: noInput, output: checkinStateSchema },
  /** Turn the weekly check-in on or off (Settings, the welcome page). */
  setCheckinEnabled: {
    input: z.strictObject({ enabled: z.boolean() }),
    output: actionResultSchema,
  },
  submitCheckin: {
    input: checkinAnswersSchema,
    output: z.union([
      z.object({ ok: z.literal(true), checkin: checkinViewSchema, advice: checkinAdviceSchema }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]),
  },
  /** "Later": hide the reminder until it fires again. */
  dismissCheckinDue: { input: noInput, output: checkinDueSchema },
  /** The pain and interference trend beside breaks kept and heat/ice minutes, oldest week first. */
  getCheckinTrend: { input: checkinWeeksSchema, output: z.array(checkinWeekSchema) },
  getCheckinSummary: { input: checkinWeeksSchema, output: checkinSummarySchema },
} as const;

export const checkinEvents = {
  /** The weekly reminder fired (due: true), or the check-in was answered or put off. */
  'checkin-due': checkinDueSchema,
} as const;
