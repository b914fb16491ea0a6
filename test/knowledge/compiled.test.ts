import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readCompiled, writeCompiled } from '../../src/knowledge/compiled.ts';
import { loadSources } from '../../src/knowledge/load.ts';
import { PACKAGE_ROOT } from '../../src/knowledge/schemas.ts';

describe('the compiled knowledge base', () => {
  let root: string;
  let file: string;
  let entry: string;
  let original: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'netty-oom-compiled-'));
    for (const dir of ['knowledge', 'playbooks', 'schemas'])
      cpSync(join(PACKAGE_ROOT, dir), join(root, dir), { recursive: true });
    file = join(root, 'knowledge.json');
    writeCompiled(file, root, loadSources(root));
    entry = join(root, 'knowledge', 'scenarios.yml');
    original = readFileSync(entry, 'utf8');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is used while its sources are as they were compiled', () => {
    const kb = readCompiled(file, root);
    assert.ok(kb);
    assert.equal(kb.search.search('direct buffer memory leak').length > 0, true);
  });

  it('is still used when a file is only touched: its content decides', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(entry, later, later);
    assert.ok(readCompiled(file, root));
  });

  it('is not used once a source file is edited, nor after a file is added', () => {
    writeFileSync(entry, `${original}\n# edited\n`);
    assert.equal(readCompiled(file, root), null);
    writeFileSync(entry, original);
    assert.ok(readCompiled(file, root));
    writeFileSync(join(root, 'playbooks', 'zz-new.yml'), 'id: zz-new\n');
    assert.equal(readCompiled(file, root), null);
    rmSync(join(root, 'playbooks', 'zz-new.yml'));
    assert.ok(readCompiled(file, root));
  });
});
