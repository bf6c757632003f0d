import { z } from 'zod';
import { settingsFileSchema } from './settings';

/**
 * The settings file's JSON Schema, generated from the contract's zod schema so that
 * electron-store/conf checks the file on disk with the same rules the app parses by.
 * Refinements zod cannot express in JSON Schema (durations, cron) stay in zod.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(settingsFileSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return schema;
}
