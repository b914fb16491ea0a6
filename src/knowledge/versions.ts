/** Load the version facts (knowledge/versions.yml): each with the versions it holds for and its source. */
import { join } from 'node:path';
import { parseRange } from '../core/version-intervals.ts';
import { compileSchema } from './schemas.ts';
import type { VersionTable } from './types.ts';
import { type Problem, readYaml } from './yaml-file.ts';

/** The file of knowledge/ that holds the version facts. */
export const VERSIONS_FILE = 'versions.yml';

/** The version table under `root`, or null when it has a problem (appended to `problems`). */
export function loadVersions(root: string, problems: Problem[]): VersionTable | null {
  const f = readYaml(join(root, 'knowledge', VERSIONS_FILE), root, compileSchema('versions'), problems);
  if (!f) return null;
  const table = f.data as VersionTable;
  const before = problems.length;
  const ids = new Set<string>();
  table.facts.forEach((fact, i) => {
    if (ids.has(fact.id)) problems.push(f.at(['facts', i, 'id'], `duplicate fact id "${fact.id}"`));
    ids.add(fact.id);
    if (!(fact.project in table.projects))
      problems.push(f.at(['facts', i, 'project'], `unknown project "${fact.project}" (not in projects)`));
    const range = parseRange(fact.holds);
    if (!Array.isArray(range)) problems.push(f.at(['facts', i, 'holds'], range.error));
    else if (range.length === 0)
      problems.push(f.at(['facts', i, 'holds'], `"${fact.holds}" holds no version`));
    (fact.evidence?.threads ?? []).forEach((pattern, j) => {
      try {
        new RegExp(pattern);
      } catch {
        problems.push(f.at(['facts', i, 'evidence', 'threads', j], `not a regular expression: ${pattern}`));
      }
    });
  });
  return problems.length > before ? null : table;
}
