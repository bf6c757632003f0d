import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsJsonSchema } from '../../../src/contract/settings-json-schema';

/**
 * The app opens the settings file with the meta-schema check off (it would cost every
 * start about 70 ms), so the schema it hands conf is checked here instead: with conf's
 * own default validator, which compiles JSON Schema's meta-schema and refuses a schema
 * that breaks it.
 */
describe('the settings file schema generated from the contract', () => {
  const folders: string[] = [];
  const open = (settings: Record<string, unknown>) => {
    const cwd = mkdtempSync(join(tmpdir(), 'unhunch-schema-'));
    folders.push(cwd);
    return new Conf({
      cwd,
      projectName: 'unhunch',
      schema: { version: { type: 'integer' }, settings },
    });
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('passes the JSON Schema meta-schema, so turning that check off at start hides nothing', () => {
    expect(() => open(settingsJsonSchema())).not.toThrow();
  });

  it('is checked: a schema that breaks the meta-schema is refused by the same validator', () => {
    const broken = { ...settingsJsonSchema(), type: 'objekt' };
    expect(() => open(broken)).toThrow(/schema is invalid/);
  });
});
