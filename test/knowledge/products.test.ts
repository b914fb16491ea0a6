import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintKnowledge, loadSources } from '../../src/knowledge/load.ts';
import { loadProducts } from '../../src/knowledge/products.ts';
import { formatProblem, type Problem } from '../../src/knowledge/yaml-file.ts';
import { ROOT } from '../helpers.ts';

/** A copy of the shipped knowledge base with one product file written (or removed with `null`). */
function withProduct(name: string, text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-products-'));
  cpSync(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
  cpSync(join(ROOT, 'playbooks'), join(dir, 'playbooks'), { recursive: true });
  const file = join(dir, 'knowledge', 'products', `${name}.yml`);
  if (text === null) rmSync(file);
  else writeFileSync(file, text);
  return dir;
}

const PRODUCT = (fields: string) => `# yaml-language-server: $schema=../../schemas/product.schema.json
id: acme-gateway
name: Acme Gateway
parent: reactor-netty
packages:
  - com.acme.gateway.
${fields}references:
  - https://example.org/acme-gateway
`;

/** A known bug of the product, with its machine-readable fields. */
const BUG = (fields: string) =>
  `known_bugs:\n  - title: Buffers leak when a write fails\n    affected: before 2.1.0\n${fields}    source: https://example.org/acme-gateway/fix\n`;

const CASES: [name: string, text: string, problem: string][] = [
  [
    'an unknown field',
    PRODUCT('jvm_flags: JAVA_OPTS\n'),
    'knowledge/products/acme-gateway.yml:7:12 document: unknown field "jvm_flags"',
  ],
  [
    'an unknown parent',
    PRODUCT('').replace('parent: reactor-netty', 'parent: tomcat'),
    'knowledge/products/acme-gateway.yml:4:9 unknown parent product "tomcat"',
  ],
  [
    'a thread pattern that is not anchored',
    PRODUCT("threads:\n  - 'acme-worker-\\d+'\n"),
    'knowledge/products/acme-gateway.yml:8:5 thread pattern must be anchored: start with ^ and end with $',
  ],
  [
    'a thread pattern that backtracks without end',
    PRODUCT("threads:\n  - '^(acme-\\w+)+$'\n"),
    'knowledge/products/acme-gateway.yml:8:5 nested quantifier: this pattern can backtrack without end',
  ],
  [
    'a thread pattern that matches any thread',
    PRODUCT("threads:\n  - '^acme.*$'\n"),
    'knowledge/products/acme-gateway.yml:8:5 a bare .* or .+ matches any thread: name what the thread holds',
  ],
  [
    'a fact without its source',
    PRODUCT('advice:\n  - text: Raise the limit to 2g.\n'),
    'knowledge/products/acme-gateway.yml:8:5 advice.0: missing required field "source"',
  ],
  [
    'a range of affected versions that does not read',
    PRODUCT(BUG('    affects: ">=2.0.0 <2.1.x"\n    fixed: "2.1.0"\n    cause: leak\n')),
    'knowledge/products/acme-gateway.yml:10:23 known_bugs.0.affects: "2.1.x" is not a version (digits and dots, then an optional qualifier: 4.1.25.Final)',
  ],
  [
    'a fixed version inside the range it fixes',
    PRODUCT(BUG('    affects: ">=2.0.0 <2.1.0"\n    fixed: ["1.9.5", "2.0.0"]\n    cause: leak\n')),
    'knowledge/products/acme-gateway.yml:11:22 known_bugs.0.fixed: 2.0.0 lies inside affects ">=2.0.0 <2.1.0"',
  ],
  [
    'a range of affected versions without the cause it supports',
    PRODUCT(BUG('    affects: "<2.1.0"\n    fixed: "2.1.0"\n')),
    'knowledge/products/acme-gateway.yml:8:5 known_bugs.0: must have properties fixed, cause when property affects is present',
  ],
  [
    'a cause the diagnosis does not know',
    PRODUCT(BUG('    affects: "<2.1.0"\n    fixed: "2.1.0"\n    cause: slowness\n')),
    'knowledge/products/acme-gateway.yml:12:12 known_bugs.0.cause: must be one of leak, defect, regression, backpressure, config, allocator',
  ],
  [
    'an id that is not the file name',
    PRODUCT('').replace('id: acme-gateway', 'id: acme'),
    'knowledge/products/acme-gateway.yml:2:5 id "acme" must match the file name "acme-gateway"',
  ],
];

describe('the product catalogue', () => {
  it('loads every product with a name, and parents that exist', () => {
    const problems: Problem[] = [];
    const products = loadProducts(ROOT, problems) ?? [];
    assert.deepEqual(problems.map(formatProblem), []);
    assert.ok(products.length >= 40, `${products.length} products`);
    const ids = new Set(products.map((p) => p.id));
    for (const p of products) assert.ok(!p.parent || ids.has(p.parent), p.id);
  });

  it('keeps the facts with the product and only detection data in the analyzer', () => {
    const kb = loadSources(ROOT);
    const seata = kb.products.find((p) => p.id === 'seata');
    assert.match(seata?.jvm_flags_via?.text ?? '', /JVM_MaxDirectMemorySize/);
    assert.deepEqual(Object.keys(kb.analyzer.frameworks.find((f) => f.id === 'seata') ?? {}).sort(), [
      'artifacts',
      'id',
      'keywords',
      'loggers',
      'name',
      'packages',
      'parent',
      'threads',
    ]);
  });

  for (const [name, text, problem] of CASES) {
    it(`refuses a product file with ${name}, at its file:line:col`, () => {
      const problems = lintKnowledge(withProduct('acme-gateway', text)).map(formatProblem);
      assert.equal(problems[0], problem, problems.join('\n'));
    });
  }

  it('refuses an entry or a playbook that names a product the catalogue lost', () => {
    assert.deepEqual(lintKnowledge(withProduct('nacos', null)).map(formatProblem), [
      'knowledge/framework-nacos.yml:11:14 unknown framework "nacos" (no knowledge/products/nacos.yml)',
      'playbooks/nacos-direct-memory.yml:10:14 unknown framework "nacos" (no knowledge/products/nacos.yml)',
      'playbooks/nacos-push-backlog.yml:10:14 unknown framework "nacos" (no knowledge/products/nacos.yml)',
    ]);
  });

  it('lists a broken product file from `netty-oom kb lint` and exits 1', () => {
    const dir = withProduct('acme-gateway', PRODUCT('').replace('parent: reactor-netty', 'parent: tomcat'));
    const bin = join(ROOT, 'bin', 'netty-oom.js');
    const lint = spawnSync(process.execPath, [bin, 'kb', 'lint', dir], { encoding: 'utf8' });
    assert.equal(lint.status, 1);
    assert.equal(lint.stderr, 'knowledge/products/acme-gateway.yml:4:9 unknown parent product "tomcat"\n');
  });
});
