import type { z } from 'zod';
import { type CallName, type CallReply, calls, type Handlers, isCallName } from './contract';

function describeIssues(error: z.ZodError, root: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
      return `${root}${path.join('')}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates a call from an untrusted renderer and runs it. Never throws: an unknown
 * call, a bad payload or a failing handler all come back as `{ ok: false, error }`.
 */
export async function dispatchCall(
  handlers: Handlers,
  name: unknown,
  input: unknown,
): Promise<CallReply> {
  if (!isCallName(name)) {
    const shown =
      typeof name === 'string' ? JSON.stringify(name).slice(0, 80) : `of type ${typeof name}`;
    return { ok: false, error: `unknown call ${shown}` };
  }
  const parsed = calls[name].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: `invalid input for ${name}: ${describeIssues(parsed.error, 'input')}`,
    };
  }
  try {
    const handler = handlers[name] as (value: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: calls[name as CallName].output.parse(value) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
