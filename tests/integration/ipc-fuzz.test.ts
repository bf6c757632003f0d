import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/open';
import { CALL_NAMES } from '../../src/contract/contract';
import { dispatchCall } from '../../src/contract/dispatch';
import { VirtualClock } from '../../src/core/time/virtual-clock';

/**
 * 10,000 calls with random names and payloads, as a compromised or buggy renderer
 * might send: every one is answered or refused, and the services keep working.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'unhunch-fuzz-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the contract under random calls', () => {
  it('answers or refuses 10,000 random calls without breaking the services', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-24T10:00:00+01:00'));
    const app = openApp({ dataDir, clock, timeZone: 'Europe/Berlin' });
    const name = fc.oneof(
      fc.constantFrom(...CALL_NAMES),
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
      fc.anything(),
    );
    const payload = fc.oneof(
      fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }),
      fc.record({ minutes: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
      fc.record({ kind: fc.constantFrom('heat', 'ice', 'fire'), minutes: fc.integer() }),
      fc.constant(undefined),
    );
    let answered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(name, payload, async (callName, input) => {
        const reply = await dispatchCall(app.handlers, callName, input);
        expect(typeof reply.ok).toBe('boolean');
        if (reply.ok) answered++;
        else {
          refused++;
          expect(reply.error.length).toBeGreaterThan(0);
        }
        clock.advance(1000);
      }),
      { numRuns: 10_000 },
    );
    expect(answered + refused).toBe(10_000);
    // Still serving afterwards: a status comes back and a valid call still works.
    expect(await dispatchCall(app.handlers, 'getStatus', undefined)).toMatchObject({ ok: true });
    const settings = await dispatchCall(app.handlers, 'getSettings', undefined);
    expect(settings).toMatchObject({ ok: true });
    app.dispose();
  }, 120_000);
});
