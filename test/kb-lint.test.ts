import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../src/diagnosis/registry.ts';
import { lintKnowledge } from '../src/knowledge/load.ts';
import { formatProblem } from '../src/knowledge/yaml-file.ts';
import { ROOT } from './helpers.ts';

/** A copy of the shipped knowledge base with one file replaced. */
function brokenKb(file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-kb-'));
  cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'playbooks'), join(dir, 'playbooks'), { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

const ENTRY = (extra: string) => `# yaml-language-server: $schema=../schemas/knowledge-entry.schema.json
id: broken-entry
kind: concept
title: { en: Broken, zh: 坏的 }
summary: { en: A test entry., zh: 测试条目。 }
scenarios: [leak-unreleased-bytebuf]
${extra}explanation: { en: Nothing., zh: 无。 }
references: [https://netty.io/wiki/reference-counted-objects.html]
`;

const PLAYBOOK = (step: string) => `# yaml-language-server: $schema=../schemas/playbook.schema.json
id: broken-playbook
title: { en: Broken, zh: 坏的 }
summary: { en: A test playbook., zh: 测试。 }
scenarios: [leak-unreleased-bytebuf]
frameworks: []
steps:
  - kind: check
    text: { en: Look., zh: 看。 }
  - kind: act
${step}
  - kind: verify
    text: { en: Done., zh: 完成。 }
references: [https://netty.io/wiki/reference-counted-objects.html]
`;

const CASES: [name: string, file: string, text: string, problem: string][] = [
  [
    'bad YAML',
    'knowledge/broken-entry.yml',
    'id: broken-entry\ntitle: { en: "unterminated\n',
    'knowledge/broken-entry.yml:3:1 invalid YAML: Missing closing "quote',
  ],
  [
    'a missing field',
    'knowledge/broken-entry.yml',
    ENTRY('').replace('frameworks: []\n', ''),
    'knowledge/broken-entry.yml:2:1 document: missing required field "frameworks"',
  ],
  [
    'an unknown framework',
    'knowledge/broken-entry.yml',
    ENTRY('frameworks: [netty, springboot]\n'),
    'knowledge/broken-entry.yml:7:21 unknown framework "springboot" (no knowledge/products/springboot.yml)',
  ],
  [
    'a template hole',
    'playbooks/broken-playbook.yml',
    PLAYBOOK('    text: { en: "Raise the limit above {{max}}.", zh: "把上限调到 {{max}} 以上。" }'),
    'playbooks/broken-playbook.yml:11:11 uses {{max}}, which a report may lack: add a fallback without it',
  ],
  [
    'an unknown template field',
    'playbooks/broken-playbook.yml',
    PLAYBOOK('    text: { en: "Set {{limitFlag}}.", zh: "设置 {{limitFlag}}。" }'),
    'playbooks/broken-playbook.yml:11:11 unknown template field {{limitFlag}}',
  ],
  [
    'a step that prints a property some versions lack, without saying which versions it needs',
    'playbooks/broken-playbook.yml',
    PLAYBOOK(
      '    text: { en: Turn the caches off., zh: 关掉缓存。 }\n    command: "-D{{nettyProp}}allocator.useCacheForAllThreads=false"',
    ),
    'playbooks/broken-playbook.yml:10:5 prints useCacheForAllThreads, which Netty has only in >=4.1.7 (knowledge/versions.yml netty-usecacheforallthreads-introduced): add requires: { netty: ">=4.1.7" } or narrower',
  ],
  [
    'a step that requires versions of a project the table does not know',
    'playbooks/broken-playbook.yml',
    PLAYBOOK('    text: { en: Upgrade., zh: 升级。 }\n    requires: { tomcat: ">=9" }'),
    'playbooks/broken-playbook.yml:12:25 unknown project "tomcat" (not in knowledge/versions.yml)',
  ],
  [
    'a step of two sentences',
    'playbooks/broken-playbook.yml',
    PLAYBOOK('    text: { en: Look here. Then look there., zh: 看这里。 }'),
    'playbooks/broken-playbook.yml:11:17 a step is one sentence: split it, or move the detail into a knowledge entry',
  ],
  [
    'a version fact whose range does not parse',
    'knowledge/versions.yml',
    `projects: { netty: Netty }\nfacts:\n  - { id: broken, project: netty, holds: "4.1.7+", fact: A fact., source: [https://netty.io/] }\n`,
    'knowledge/versions.yml:3:42 "4.1.7+" is not a comparison such as >=4.1.7 or <4.1.75',
  ],
];

describe('a broken knowledge base is refused with file:line:col', () => {
  it('finds no problem in the shipped knowledge base', () => {
    assert.deepEqual(lintKnowledge(ROOT).map(formatProblem), []);
  });

  for (const [name, file, text, problem] of CASES) {
    it(`reports ${name} in lint, and the CLI refuses to analyze with the same message`, () => {
      const dir = brokenKb(file, text);
      const problems = lintKnowledge(dir).map(formatProblem);
      assert.ok(
        (problems[0] ?? '').startsWith(problem),
        `${problems.join('\n')}\n  should start with\n${problem}`,
      );
      assert.ok(
        problems.every((p) => p.startsWith(file)),
        problems.join('\n'),
      );
      const listed = problems.map((p) => `${p}\n`).join('');

      const bin = join(ROOT, 'bin', 'netty-oom.js');
      const lint = spawnSync(process.execPath, [bin, 'kb', 'lint', dir], { encoding: 'utf8' });
      assert.equal(lint.status, 1);
      assert.equal(lint.stderr, listed);

      const env = { ...process.env, NETTY_OOM_KNOWLEDGE: dir };
      const run = spawnSync(process.execPath, [bin, 'analyze', '-'], { encoding: 'utf8', input: 'x', env });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `netty-oom: the knowledge base has ${problems.length} problem(s):\n${listed}`);
    });
  }
});

describe('the diagnosis rules a playbook answers', () => {
  it('are checked against the rules that exist, as kb lint does', () => {
    const dir = brokenKb(
      'playbooks/broken-playbook.yml',
      PLAYBOOK('    text: { en: Act., zh: 行动。 }').replace(
        'frameworks: []\n',
        'frameworks: []\nrules: [no-such-rule]\n',
      ),
    );
    assert.deepEqual(lintKnowledge(dir).map(formatProblem), []);
    assert.deepEqual(
      lintKnowledge(
        dir,
        RULES.map((r) => r.id),
      ).map(formatProblem),
      ['playbooks/broken-playbook.yml:7:9 unknown diagnosis rule "no-such-rule" (src/diagnosis/rules/)'],
    );
  });
});
