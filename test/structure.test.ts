/**
 * The shape of src/ that the README promises: imports only towards lower layers (enforced by
 * `npm run lint` through Biome's noRestrictedImports overrides), a pure core, small files.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from './helpers.ts';

const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

/** Lint files laid out as in src/ with the project's Biome configuration; the files it refuses. */
function refused(files: Record<string, string>, dir: string): Map<string, string> {
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let out: string;
  try {
    out = execFileSync(BIOME, ['lint', '--reporter=json', 'src'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (err) {
    out = (err as { stdout: string }).stdout;
  }
  const diagnostics = (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
  return new Map(
    diagnostics
      .filter((d) => /noRestricted(Imports|Globals)/.test(d.category))
      .map((d) => [d.location.path.replaceAll('\\', '/'), d.message]),
  );
}

describe('layers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-layers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run lint refuses imports against the layers and Node APIs in the pure core', () => {
    const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;
    const bad = {
      'src/core/up-to-bot.ts': use('../bot/app.ts'),
      'src/core/parse/up-to-render.ts': use('../../render/blocks.ts'),
      'src/core/node-api.ts': use('node:fs'),
      'src/core/buffer.ts': 'export const n = Buffer.byteLength("x");\n',
      'src/store/up-to-bot.ts': use('../bot/dedupe.ts'),
      'src/playbook/up-to-render.ts': use('../render/mrkdwn.ts'),
      'src/knowledge/up-to-playbook.ts': use('../playbook/fill.ts'),
      'src/render/up-to-app.ts': use('../app/answer.ts'),
      'src/bot/to-cli.ts': use('../cli/main.ts'),
      'src/cli/to-bot.ts': use('../bot/app.ts'),
      'src/console/to-cli.ts': use('../cli/main.ts'),
      'src/console/to-bot.ts': use('../bot/handoff.ts'),
    };
    const good = {
      'src/core/same-layer.ts': use('./units.ts'),
      'src/core/parse/same-layer.ts': use('../units.ts'),
      'src/render/down.ts': use('../core/units.ts'),
      'src/app/down.ts': use('../render/blocks.ts'),
      'src/app/node-api.ts': use('node:fs'),
      'src/bot/down.ts': use('../app/answer.ts'),
      'src/serve/edges.ts': use('../bot/app.ts'),
    };
    const found = refused({ ...bad, ...good }, dir);
    assert.deepEqual([...found.keys()].sort(), Object.keys(bad).sort());
    assert.match(found.get('src/core/up-to-bot.ts') ?? '', /src\/core\/ may import only from/);
  });
});

/** Every source file under src/, relative to the checkout. */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(e.name) ? [path.slice(ROOT.length + 1)] : [];
  });
}

describe('files you can read in one sitting', () => {
  it('keeps every file in src/ at 300 lines or fewer', () => {
    const long = sources()
      .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 300)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    assert.deepEqual(long, []);
  });

  it('types values instead of casting them away (no `as never`, no `as unknown as`)', () => {
    const casts = sources().flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\bas never\b|\bas unknown as\b/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    assert.deepEqual(casts, []);
  });
});
