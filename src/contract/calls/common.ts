import { z } from 'zod';

/** Pieces every feature's calls share. */
export const noInput = z.undefined();

export const breakKindSchema = z.enum(['micro', 'long']);

/** What a refusal's words need: numbers and codes, never words (see `refusalText`). */
export const refusalParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const actionResultSchema = z.union([
  z.object({ ok: z.literal(true) }),
  /** A refusal the timer decided: a code the UI translates (`refusals.<code>` in common.json). */
  z.object({
    ok: z.literal(false),
    code: z.string().min(1),
    params: refusalParamsSchema.optional(),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
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
