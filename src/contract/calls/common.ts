import { z } from 'zod';
import { REFUSAL_CODES } from '../refusals';

/** Pieces every feature's calls share. */
export const noInput = z.undefined();

export const breakKindSchema = z.enum(['micro', 'long']);

/** What a refusal's words need: numbers, ids and paths, never words (see `refusalText`). */
export const refusalParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A refused call: a code the UI translates (`refusals.<code>` in common.json), no English. */
export const refusalSchema = z.object({
  ok: z.literal(false),
  code: z.enum(REFUSAL_CODES),
  params: refusalParamsSchema.optional(),
});

export const actionResultSchema = z.union([z.object({ ok: z.literal(true) }), refusalSchema]);
export type ActionResultPayload = z.infer<typeof actionResultSchema>;

/** One call: the schema of what the renderer sends and of what it gets back. */
export interface CallDefinition {
  input: z.ZodType;
  output: z.ZodType;
}

/** The implementation a feature of the app provides for its calls. */
export type HandlersFor<C extends Record<string, CallDefinition>> = {
  [K in keyof C]: (
    input: z.infer<C[K]['input']>,
  ) => Promise<z.infer<C[K]['output']>> | z.infer<C[K]['output']>;
};
