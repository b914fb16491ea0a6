/** Load knowledge entries (knowledge/*.yml) and playbooks (playbooks/*.yml), cross-checked. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templateFields } from '../core/template.ts';
import { type AnalyzerKnowledge, CAUSES, type Scenario } from '../core/types.ts';
import { ALWAYS, KNOWN_FIELDS } from './fields.ts';
import { compileSchema } from './schemas.ts';
import { checkStepShape } from './step-lint.ts';
import type { KnowledgeEntry, Playbook, VersionTable } from './types.ts';
import { checkStepVersions } from './version-lint.ts';
import { VERSIONS_FILE } from './versions.ts';
import { type Problem, readYaml, type YamlFile } from './yaml-file.ts';

/** Files in knowledge/ that are not entries. */
export const ANALYZER_FILES = new Set(['signals.yml', 'scenarios.yml', VERSIONS_FILE]);
/** Every scenario a playbook may cover: the causes and `unknown`. */
const SCENARIOS: readonly Scenario[] = [...CAUSES, 'unknown'];

function yamlFiles(dir: string, problems: Problem[], root: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    problems.push({ file: dir.slice(root.length + 1) || dir, line: 1, col: 1, message: 'folder is missing' });
    return [];
  }
}

export interface Content {
  entries: KnowledgeEntry[];
  playbooks: Playbook[];
}

/** What content is checked against besides the analyzer's knowledge: the version facts, the rule ids. */
export interface ContentChecks {
  versions?: VersionTable | null;
  /** The diagnosis rules a playbook may answer (checked only when given: the rules live above this layer). */
  rules?: ReadonlySet<string>;
}

export function loadContent(
  root: string,
  analyzer: AnalyzerKnowledge | null,
  problems: Problem[],
  checks: ContentChecks = {},
): Content {
  const entryFiles: YamlFile[] = [];
  for (const path of yamlFiles(join(root, 'knowledge'), problems, root)) {
    if (ANALYZER_FILES.has(basename(path))) continue;
    const f = readYaml(path, root, compileSchema('knowledge-entry'), problems);
    if (f) entryFiles.push(f);
  }
  const playbookFiles: YamlFile[] = [];
  for (const path of yamlFiles(join(root, 'playbooks'), problems, root)) {
    const f = readYaml(path, root, compileSchema('playbook'), problems);
    if (f) playbookFiles.push(f);
  }
  const entries = entryFiles.map((f) => ({ ...(f.data as KnowledgeEntry), file: f.file }));
  const playbooks = playbookFiles.map((f) => ({ ...(f.data as Playbook), file: f.file }));

  const frameworks = new Set(analyzer?.frameworks.map((f) => f.id) ?? []);
  const signals = new Set(analyzer?.signals.map((s) => s.id) ?? []);
  const ids = new Map<string, string>();
  const entryIds = new Set(entries.map((e) => e.id));
  const playbookIds = new Set(playbooks.map((p) => p.id));

  const common = (f: YamlFile, doc: { id: string; frameworks: string[]; signals?: string[] }) => {
    const stem = basename(f.file).replace(/\.ya?ml$/, '');
    if (doc.id !== stem) problems.push(f.at(['id'], `id "${doc.id}" must match the file name "${stem}"`));
    const other = ids.get(doc.id);
    if (other) problems.push(f.at(['id'], `duplicate id "${doc.id}" (also in ${other})`));
    ids.set(doc.id, f.file);
    if (analyzer) {
      doc.frameworks.forEach((id, i) => {
        if (!frameworks.has(id))
          problems.push(
            f.at(['frameworks', i], `unknown framework "${id}" (no knowledge/products/${id}.yml)`),
          );
      });
      (doc.signals ?? []).forEach((id, i) => {
        if (!signals.has(id))
          problems.push(f.at(['signals', i], `unknown signal "${id}" (not in knowledge/signals.yml)`));
      });
    }
  };

  entryFiles.forEach((f, i) => {
    const e = entries[i] as KnowledgeEntry;
    common(f, e);
    (e.playbooks ?? []).forEach((id, j) => {
      if (!playbookIds.has(id)) problems.push(f.at(['playbooks', j], `unknown playbook "${id}"`));
    });
  });
  playbookFiles.forEach((f, i) => {
    const p = playbooks[i] as Playbook;
    common(f, p);
    (p.knowledge ?? []).forEach((id, j) => {
      if (!entryIds.has(id)) problems.push(f.at(['knowledge', j], `unknown knowledge entry "${id}"`));
    });
    if (checks.rules) {
      const rules = checks.rules;
      (p.rules ?? []).forEach((id, j) => {
        if (!rules.has(id))
          problems.push(f.at(['rules', j], `unknown diagnosis rule "${id}" (src/diagnosis/rules/)`));
      });
    }
    if (checks.versions) checkStepVersions(f, p, checks.versions, problems);
    checkStepShape(f, p, problems);
    p.steps.forEach((s, j) => {
      checkTemplate(
        f,
        ['steps', j, 'text'],
        [s.text.en, s.text.zh],
        s.fallback ? [s.fallback.en, s.fallback.zh] : null,
        'fallback',
        problems,
      );
      if (s.command) {
        checkTemplate(
          f,
          ['steps', j, 'command'],
          [s.command],
          s.commandFallback ? [s.commandFallback] : null,
          'commandFallback',
          problems,
        );
      }
    });
  });

  if (playbookFiles.length > 0 || entryFiles.length > 0) {
    for (const sc of SCENARIOS) {
      if (
        !playbooks.some(
          (p) => p.scenarios.includes(sc as Playbook['scenarios'][number]) && p.frameworks.length === 0,
        )
      ) {
        problems.push({
          file: 'playbooks',
          line: 1,
          col: 1,
          message: `no general playbook (frameworks: []) for scenario "${sc}"`,
        });
      }
    }
  }
  return { entries, playbooks };
}

// A raw `<` or `&` in mrkdwn breaks Slack's rendering; Slack's own `<https://…|…>` links are fine.
const RAW_MARKUP = /&(?!(?:lt|gt|amp);)|<(?!https?:\/\/|[#@!])/;

/** Every field known; a text using a field that may be missing has a fallback that uses none. */
function checkTemplate(
  f: YamlFile,
  path: (string | number)[],
  texts: string[],
  fallback: string[] | null,
  fallbackName: string,
  problems: Problem[],
): void {
  if (fallbackName === 'fallback') {
    for (const t of [...texts, ...(fallback ?? [])]) {
      if (RAW_MARKUP.test(t)) {
        problems.push(f.at(path, 'raw < or & in a step text: write it in `code`, or as &lt; &gt; &amp;'));
        break;
      }
    }
  }
  const fields = [...new Set(texts.flatMap(templateFields))];
  for (const field of fields)
    if (!KNOWN_FIELDS.has(field)) problems.push(f.at(path, `unknown template field {{${field}}}`));
  const optional = fields.filter((x) => KNOWN_FIELDS.has(x) && !ALWAYS.has(x));
  if (optional.length > 0 && !fallback) {
    problems.push(
      f.at(path, `uses {{${optional[0]}}}, which a report may lack: add a ${fallbackName} without it`),
    );
  }
  if (fallback) {
    const holes = [...new Set(fallback.flatMap(templateFields))].filter((x) => !ALWAYS.has(x));
    const parent = path.slice(0, -1);
    for (const h of holes)
      problems.push(
        f.at([...parent, fallbackName], `the ${fallbackName} uses {{${h}}}, which a report may lack`),
      );
  }
}
