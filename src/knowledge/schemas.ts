/** The JSON Schemas in `schemas/`, compiled once. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas');

// ajv-formats is CommonJS: imported from ESM, its default is module.exports, which carries the plugin
// again as `.default` (the one TypeScript types).
const addFormats = addFormatsModule.default;

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();

export function compileSchema(name: string): ValidateFunction {
  const hit = compiled.get(name);
  if (hit) return hit;
  ajv ??= addFormats(new Ajv({ allErrors: true, strict: false }));
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object;
  const fn = ajv.compile(schema);
  compiled.set(name, fn);
  return fn;
}
