import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from '../../../src/app/policy/shape';

describe('the policy JSON Schema', () => {
  it('committed as docs/policy.schema.json is the one generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync('docs/policy.schema.json', 'utf8')) as unknown;
    // If this fails after a settings change: node bin/unhunch.js policy schema > docs/policy.schema.json
    expect(committed).toEqual(policyJsonSchema());
  });

  it('is strict at every level, as the policy parser is', () => {
    const schema = policyJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<
        string,
        { additionalProperties?: boolean; items?: { additionalProperties?: boolean } }
      >;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.locked?.additionalProperties).toBe(false);
    expect(schema.properties.exercises?.items?.additionalProperties).toBe(false);
    expect(schema.properties.links?.items?.additionalProperties).toBe(false);
  });
});
