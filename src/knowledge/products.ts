/**
 * The product catalogue, one file per product (knowledge/products/<id>.yml): validated against
 * schemas/product.schema.json and cross-checked (ids, parents, thread patterns), every problem
 * as `file:line:col`.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FrameworkDef, KnownBug } from '../core/types.ts';
import { parseRange, satisfies } from '../core/version-range.ts';
import { compileSchema } from './schemas.ts';
import type { Product } from './types.ts';
import { type Problem, readYaml, type YamlFile } from './yaml-file.ts';

/** Where the catalogue lives, under the knowledge base's root. */
export const PRODUCTS_DIR = join('knowledge', 'products');

// A quantified group that is itself quantified: `(a+)+`, `(\w*)*` backtrack exponentially.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

/** Every product file under `root`, read and checked; null when the folder cannot be read. */
export function loadProducts(root: string, problems: Problem[]): Product[] | null {
  const dir = join(root, PRODUCTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .sort();
  } catch {
    problems.push({ file: PRODUCTS_DIR, line: 1, col: 1, message: 'folder is missing' });
    return null;
  }
  const files: YamlFile[] = [];
  for (const name of names) {
    const f = readYaml(join(dir, name), root, compileSchema('product'), problems);
    if (f) files.push(f);
  }
  if (files.length < names.length) return null;
  const products = files.map((f) => f.data as Product);
  const before = problems.length;
  const ids = new Set(products.map((p) => p.id));
  files.forEach((f, i) => {
    checkProduct(f, products[i] as Product, ids, problems);
  });
  checkCycles(files, products, problems);
  return problems.length > before ? null : products;
}

/** What the analyzer reads of a product: how to recognise it. */
export function detectionOf(p: Product): FrameworkDef {
  const def: FrameworkDef = { id: p.id, name: p.name };
  if (p.parent) def.parent = p.parent;
  if (p.packages) def.packages = p.packages;
  if (p.shaded) def.shaded = p.shaded;
  if (p.threads) def.threads = p.threads;
  if (p.loggers) def.loggers = p.loggers;
  if (p.keywords) def.keywords = p.keywords;
  if (p.parent_keywords) def.parentKeywords = p.parent_keywords;
  if (p.artifacts) def.artifacts = p.artifacts;
  if (p.versions) def.versions = p.versions;
  if (p.version_words) def.versionWords = p.version_words;
  return def;
}

const bugsCache = new WeakMap<Product[], Record<string, KnownBug[]>>();

/** The known bugs the catalogue states in machine-readable form, by product id, for the diagnosis. */
export function knownBugsOf(products: Product[]): Record<string, KnownBug[]> {
  const hit = bugsCache.get(products);
  if (hit) return hit;
  const out: Record<string, KnownBug[]> = {};
  for (const p of products) {
    const bugs = (p.known_bugs ?? []).flatMap(({ title, affects, fixed, cause, signature, source }) => {
      if (!affects || !fixed || !cause) return [];
      const bug: KnownBug = {
        title,
        affects,
        fixed: typeof fixed === 'string' ? [fixed] : fixed,
        cause,
        source,
      };
      if (signature) bug.signature = signature;
      return [bug];
    });
    if (bugs.length > 0) out[p.id] = bugs;
  }
  bugsCache.set(products, out);
  return out;
}

function checkProduct(f: YamlFile, p: Product, ids: Set<string>, problems: Problem[]): void {
  const stem = basename(f.file).replace(/\.yml$/, '');
  if (p.id !== stem) problems.push(f.at(['id'], `id "${p.id}" must match the file name "${stem}"`));
  if (p.parent && !ids.has(p.parent)) problems.push(f.at(['parent'], `unknown parent product "${p.parent}"`));
  if (p.parent_keywords && !p.parent)
    problems.push(f.at(['parent_keywords'], 'parent_keywords need a parent to stand beside'));
  (p.threads ?? []).forEach((t, j) => {
    const problem = threadProblem(t);
    if (problem) problems.push(f.at(['threads', j], problem));
  });
  if (p.versions) checkRange(f, ['versions'], p.versions, problems);
  (p.known_bugs ?? []).forEach((bug, j) => {
    const affects = bug.affects;
    if (!affects || !checkRange(f, ['known_bugs', j, 'affects'], affects, problems)) return;
    const fixed = typeof bug.fixed === 'string' ? [bug.fixed] : (bug.fixed ?? []);
    fixed.forEach((v, k) => {
      if (!satisfies(v, affects)) return;
      const path = typeof bug.fixed === 'string' ? ['known_bugs', j, 'fixed'] : ['known_bugs', j, 'fixed', k];
      problems.push(f.at(path, `known_bugs.${j}.fixed: ${v} lies inside affects "${affects}"`));
    });
  });
}

/** Whether a range reads; when it does not, the problem points at the comparator at fault. */
function checkRange(f: YamlFile, path: (string | number)[], text: string, problems: Problem[]): boolean {
  const parsed = parseRange(text);
  if (!parsed.ok) problems.push(f.at(path, `${path.join('.')}: ${parsed.message}`, parsed.at));
  return parsed.ok;
}

/** Why a thread pattern is refused, or null: it must compile, be anchored and not backtrack without end. */
function threadProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message}`;
  }
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$'))
    return 'thread pattern must be anchored: start with ^ and end with $';
  if (NESTED_QUANTIFIER.test(pattern)) return 'nested quantifier: this pattern can backtrack without end';
  if (/(?:^\^|[^\\])\.[*+]/.test(pattern))
    return 'a bare .* or .+ matches any thread: name what the thread holds';
  return null;
}

function checkCycles(files: YamlFile[], products: Product[], problems: Problem[]): void {
  const byId = new Map(products.map((p) => [p.id, p]));
  products.forEach((p, i) => {
    const path = new Set<string>([p.id]);
    for (
      let q = p.parent ? byId.get(p.parent) : undefined;
      q;
      q = q.parent ? byId.get(q.parent) : undefined
    ) {
      if (path.has(q.id)) {
        problems.push((files[i] as YamlFile).at(['parent'], `parent cycle: ${[...path, q.id].join(' → ')}`));
        return;
      }
      path.add(q.id);
    }
  });
}
