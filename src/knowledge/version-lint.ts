/**
 * A playbook step that prints a property, metric or option existing only in some versions must say
 * so: its `requires` names that project with versions inside those of the fact (knowledge/versions.yml).
 */
import { parseRange, rangeOf, within } from '../core/version-intervals.ts';
import type { Playbook, PlaybookStep, VersionFact, VersionTable } from './types.ts';
import type { Problem, YamlFile } from './yaml-file.ts';

/** Everything a step can print, with the property prefix as plain Netty writes it. */
export function printedBy(step: PlaybookStep): string {
  const texts = [
    step.text.en,
    step.text.zh,
    step.fallback?.en,
    step.fallback?.zh,
    step.command,
    step.commandFallback,
  ];
  return texts
    .filter((t): t is string => t !== undefined)
    .map((t) => t.replaceAll('{{nettyProp}}', 'io.netty.'))
    .join('\n');
}

/** The facts whose version-bound names `text` prints. */
export function factsNamedIn(text: string, facts: VersionFact[]): { fact: VersionFact; name: string }[] {
  const found: { fact: VersionFact; name: string }[] = [];
  for (const fact of facts) {
    const name = (fact.names ?? []).find((n) => text.includes(n));
    if (name) found.push({ fact, name });
  }
  return found;
}

export function checkStepVersions(f: YamlFile, p: Playbook, table: VersionTable, problems: Problem[]): void {
  p.steps.forEach((step, j) => {
    const requires = step.requires ?? {};
    for (const [project, text] of Object.entries(requires)) {
      const where = ['steps', j, 'requires', project];
      if (!(project in table.projects))
        problems.push(f.at(where, `unknown project "${project}" (not in knowledge/versions.yml)`));
      const range = parseRange(text);
      if (!Array.isArray(range)) problems.push(f.at(where, range.error));
    }
    for (const { fact, name } of factsNamedIn(printedBy(step), table.facts)) {
      const need = requires[fact.project];
      if (need !== undefined && within(rangeOf(need), rangeOf(fact.holds))) continue;
      problems.push(
        f.at(
          ['steps', j],
          `prints ${name}, which ${table.projects[fact.project] ?? fact.project} has only in ${fact.holds} (knowledge/versions.yml ${fact.id}): add requires: { ${fact.project}: "${fact.holds}" } or narrower`,
        ),
      );
    }
  });
}
