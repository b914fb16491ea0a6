/** The JSON Schemas in `schemas/`, compiled once. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas');
// Ajv is loaded when a schema is first compiled, not with this module: the compiled knowledge base
// needs no validation, and every `netty-oom analyze` would pay 30 ms to load it.
const require = createRequire(import.meta.url);

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();

export function compileSchema(name: string): ValidateFunction {
  const hit = compiled.get(name);
  if (hit) return hit;
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    // ajv-formats is CommonJS: its module.exports carries the plugin again as `.default` (the one
    // TypeScript types).
    const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
    ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  }
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object;
  const fn = ajv.compile(schema);
  compiled.set(name, fn);
  return fn;
}
