import { z } from 'zod';

/** Pieces every feature's calls share. */
export const noInput = z.undefined();

export const breakKindSchema = z.enum(['micro', 'long']);

export const actionResultSchema = z.union([
  z.object({ ok: z.literal(true) }),
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
