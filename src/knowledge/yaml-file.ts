/** Read a YAML file and validate it against a JSON Schema, reporting problems as `file:line:col`. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter } from 'yaml';

// The YAML parser is loaded when a file is first read, not with this module: the compiled knowledge
// base is JSON, and every `netty-oom analyze` would pay 25 ms to load it.
const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | null = null;

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.message}`;
}

/** A parsed file that can point at any of its values. */
export class YamlFile {
  constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Position of the value at `path` (keys and indexes), or of its nearest parent that exists;
   * `offset` points inside a one-line string value (past its opening quote).
   */
  at(path: (string | number)[], message: string, offset = 0): Problem {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as
        | { range?: [number, number, number]; type?: string }
        | undefined;
      if (node && typeof node === 'object' && node.range) {
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        const inside = n === path.length && offset > 0 ? offset + (quoted ? 1 : 0) : 0;
        const pos = this.lines.linePos(node.range[0] + inside);
        return { file: this.file, line: pos.line, col: pos.col, message };
      }
    }
    return { file: this.file, line: 1, col: 1, message };
  }
}

/** Parse `path`; problems (bad YAML, schema violations) are appended to `problems`. */
export function readYaml(
  path: string,
  root: string,
  validate: ValidateFunction,
  problems: Problem[],
): YamlFile | null {
  const file = relative(root, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problems.push({
      file,
      line: 1,
      col: 1,
      message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    });
    return null;
  }
  yaml ??= require('yaml') as typeof import('yaml');
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      problems.push({ file, line: pos.line, col: pos.col, message: `invalid YAML: ${firstLine(e.message)}` });
    }
    return null;
  }
  const data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const yf = new YamlFile(file, data, doc, lines);
  if (!validate(data)) {
    for (const e of validate.errors ?? []) problems.push(yf.at(pathOf(e), schemaMessage(e)));
    return null;
  }
  return yf;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '');
}

function pathOf(e: ErrorObject): (string | number)[] {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (e.keyword === 'additionalProperties')
    parts.push((e.params as { additionalProperty: string }).additionalProperty);
  return parts;
}

function schemaMessage(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : 'document';
  switch (e.keyword) {
    case 'required':
      return `${where}: missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}
