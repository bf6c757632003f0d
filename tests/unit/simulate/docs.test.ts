import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/app/simulate';
import { runSimulate } from '../../../src/cli/commands/simulate';

/** docs/simulate.md makes claims: each scenario block is followed by the timeline it gives. */
const doc = readFileSync(new URL('../../../docs/simulate.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```(\w+) (\w+)\n([\s\S]*?)```/g)].map((m) => ({
  tag: m[2],
  body: m[3] ?? '',
}));

function examples() {
  const pairs: { scenario: unknown; timeline: { events: unknown[]; summary: object } }[] = [];
  blocks.forEach((block, i) => {
    if (block.tag !== 'scenario') return;
    const next = blocks[i + 1];
    if (next?.tag !== 'timeline') throw new Error(`scenario block ${i} has no timeline after it`);
    pairs.push({ scenario: JSON.parse(block.body), timeline: JSON.parse(next.body) });
  });
  return pairs;
}

describe('docs/simulate.md', () => {
  const pairs = examples();

  it('has examples to check', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(7);
  });

  pairs.forEach(({ scenario, timeline }, index) => {
    it(`example ${index + 1} gives the timeline the doc shows`, () => {
      const outcome = simulate(scenario);
      if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
      expect(outcome.result.events).toEqual(timeline.events);
      expect(outcome.result.summary).toEqual(timeline.summary);
    });
  });

  it('the malformed example exits 2 with the errors the doc shows, and nothing on stdout', async () => {
    const malformed = blocks.find((b) => b.tag === 'malformed');
    const stderr = blocks.find((b) => b.tag === 'stderr');
    expect(malformed && stderr).toBeTruthy();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSimulate(
      { file: 'scenario.json' },
      {
        readFile: async () => malformed?.body ?? '',
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
      },
    );
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toBe(stderr?.body);
  });
});
