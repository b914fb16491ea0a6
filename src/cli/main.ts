import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { complete } from '../app/answer.ts';
import { type Config, ConfigError, knowledgeRootOf, readConfig } from '../app/config.ts';
import { handoffFrom } from '../app/handoff.ts';
import { analyzeInput, InputError } from '../app/read-input.ts';
import { withExistingStore } from '../app/store.ts';
import { mask } from '../core/mask/index.ts';
import type { Language } from '../core/types.ts';
import { parseDuration } from '../core/units.ts';
import { RULES } from '../diagnosis/registry.ts';
import { buildHandoff } from '../incidents/handoff.ts';
import { writeCompiled } from '../knowledge/compiled.ts';
import { ALWAYS, FIELD_HELP } from '../knowledge/fields.ts';
import { COMPILED, KnowledgeError, lintKnowledge, loadKnowledge, loadSources } from '../knowledge/load.ts';
import { PACKAGE_ROOT } from '../knowledge/schemas.ts';
import { formatProblem } from '../knowledge/yaml-file.ts';
import { handoffToText } from '../render/handoff.ts';
import { answerToText } from '../render/text.ts';
import { StoreError } from '../store/errors.ts';
import type { Store } from '../store/store.ts';
import { progressReporter } from './progress.ts';

/** Exit codes: 0 detected / clean, 1 nothing detected / problems found, 2 usage or input error. */
export const EXIT = { ok: 0, none: 1, error: 2 } as const;

class Failure extends Error {}

function fail(message: string): never {
  throw new Failure(message);
}

/** The folder holding knowledge/ and playbooks/: NETTY_OOM_KNOWLEDGE, or the shipped ones. */
const knowledgeRoot = () => knowledgeRootOf() ?? PACKAGE_ROOT;

function loadOrFail() {
  try {
    return loadKnowledge(knowledgeRoot());
  } catch (err) {
    if (err instanceof KnowledgeError) fail(err.message);
    throw err;
  }
}

export function buildProgram(): Command {
  const program = new Command('netty-oom')
    .description('Read Netty / JDK direct-memory OOM traces and answer with what happened and what to do.')
    .option('--debug', 'print stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('analyze')
    .description('analyze a log file, or standard input when FILE is "-" or absent')
    .argument('[file]', 'log file to read; "-" for standard input')
    .option('--json', 'print the report as JSON (analysis.schema.json)')
    .addOption(new Option('--lang <lang>', 'reply language (default: from the input)').choices(['en', 'zh']))
    .action(async (file: string | undefined, opts: { json?: boolean; lang?: Language }) => {
      const kb = loadOrFail();
      const progress = progressReporter();
      let report: Awaited<ReturnType<typeof analyzeInput>>;
      try {
        report = await analyzeInput(file ?? null, kb.analyzer, {
          ...(opts.lang ? { language: opts.lang } : {}),
          onProgress: progress.update,
        });
      } catch (err) {
        if (err instanceof InputError) fail(err.message);
        throw err;
      } finally {
        progress.done();
      }
      const done = complete(report, kb);
      const out = opts.json
        ? `${JSON.stringify(done.report, null, 2)}\n`
        : answerToText(done.reply, done.fullPlaybook, done.report.language);
      await write(out);
      process.exitCode = report.detected ? EXIT.ok : EXIT.none;
    });

  program
    .command('search')
    .description('search the knowledge base and playbooks, in English or Chinese')
    .argument('<query...>', 'words to search for')
    .option('--json', 'print {query, hits} as JSON')
    .option('--limit <n>', 'how many hits at most', '10')
    .action(async (words: string[], opts: { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        fail('--limit takes a whole number from 1 to 100');
      const kb = loadOrFail();
      // Shown back as the console and Slack show it: a pasted secret is not repeated.
      const query = mask(words.join(' '));
      const hits = kb.search.search(query, { limit });
      if (opts.json) await write(`${JSON.stringify({ query, hits }, null, 2)}\n`);
      else if (hits.length === 0) await write(`nothing found for "${query}"\n`);
      else
        await write(
          `${hits.map((h, i) => `${i + 1}. [${h.type}] ${h.title}  (${h.id}, ${h.score})`).join('\n')}\n`,
        );
      process.exitCode = hits.length > 0 ? EXIT.ok : EXIT.none;
    });

  const kb = program.command('kb').description('knowledge base tools');
  kb.command('lint')
    .description('validate knowledge/ and playbooks/; each problem as file:line:col message')
    .argument('[dir]', 'folder holding knowledge/ and playbooks/ (default: the installed ones)')
    .action(async (dir: string | undefined) => {
      const problems = lintKnowledge(
        dir,
        RULES.map((r) => r.id),
      );
      for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
      if (problems.length === 0) await write('knowledge base: no problems\n');
      process.exitCode = problems.length === 0 ? EXIT.ok : EXIT.none;
    });

  program
    .command('handoff')
    .description('on-call handoff: the incidents of the period per channel, open ones first')
    .option('--since <duration>', 'how far back (30m, 24h, 7d)', '24h')
    .option('--channel <id>', 'only this channel')
    .option('--json', 'print as JSON')
    .addOption(new Option('--lang <lang>', 'language of the text').choices(['en', 'zh']).default('en'))
    .action(async (opts: { since: string; channel?: string; json?: boolean; lang: Language }) => {
      const span = parseDuration(opts.since);
      if (span === null) fail(`--since takes a duration such as 90m, 24h or 7d, not "${opts.since}"`);
      const now = Date.now();
      const h =
        (await withStore((store) => handoffFrom(store, span, now, opts.channel))) ??
        buildHandoff([], [], () => [], now - span, now);
      await write(opts.json ? `${JSON.stringify(h, null, 2)}\n` : handoffToText(h, opts.lang));
    });

  program
    .command('serve')
    .description('run the bot (Socket Mode, HTTP Events API, or the local console without Slack credentials)')
    .action(async () => {
      const config = configOrFail();
      const kb = loadOrFail();
      // Slack, SQLite and the metrics load only for serve: analyze starts without them.
      const { serve } = await import('../serve/serve.ts');
      await serve(config, kb, knowledgeRoot()).catch((err: Error) => fail(err.message));
    });

  kb.command('stats')
    .description('knowledge base size, and Helpful / Not helpful counts per playbook from the incident store')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const kbase = loadOrFail();
      const feedback = (await withStore((store) => store.feedback())) ?? [];
      const titles = new Map(kbase.playbooks.map((p) => [p.id, p.title.en]));
      const stats = {
        entries: kbase.entries.length,
        playbooks: kbase.playbooks.length,
        frameworks: kbase.analyzer.frameworks.length,
        feedback: feedback.map((f) => ({ ...f, title: titles.get(f.playbookId) ?? null })),
      };
      if (opts.json) return write(`${JSON.stringify(stats, null, 2)}\n`);
      const lines = [
        `${stats.entries} knowledge entries, ${stats.playbooks} playbooks, ${stats.frameworks} frameworks`,
      ];
      if (stats.feedback.length === 0) lines.push('no feedback recorded yet');
      else {
        lines.push('', `${'playbook'.padEnd(34)} helpful  not helpful`);
        for (const f of stats.feedback)
          lines.push(
            `${f.playbookId.padEnd(34)} ${String(f.helpful).padStart(7)}  ${String(f.notHelpful).padStart(11)}`,
          );
      }
      await write(`${lines.join('\n')}\n`);
    });

  kb.command('compile')
    .description('compile the shipped knowledge base for fast start-up (run by npm run build)')
    .action(async () => {
      let base: ReturnType<typeof loadSources>;
      try {
        base = loadSources();
      } catch (err) {
        if (err instanceof KnowledgeError) fail(err.message);
        throw err;
      }
      writeCompiled(COMPILED, PACKAGE_ROOT, base);
      await write(
        `compiled ${base.entries.length} entries and ${base.playbooks.length} playbooks into ${COMPILED}\n`,
      );
    });

  kb.command('fields')
    .description('the {{fields}} a playbook step may use, and which ones every report has')
    .action(async () => {
      const rows = Object.entries(FIELD_HELP).map(
        ([name, help]) => `${`{{${name}}}`.padEnd(22)} ${ALWAYS.has(name) ? 'always ' : 'maybe  '} ${help}`,
      );
      await write(`${rows.join('\n')}\n`);
    });

  return program;
}

/** The environment as typed options, or the one line that says which variable is wrong. */
function configOrFail(): Config {
  try {
    return readConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

/** Run `fn` on the incident store at NETTY_OOM_DB; null (with a note) when there is none yet. */
async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T | null> {
  const config = configOrFail();
  try {
    const result = await withExistingStore(config, fn);
    if (result === null)
      process.stderr.write(`netty-oom: no incident store at ${config.dbPath} yet (set NETTY_OOM_DB)\n`);
    return result;
  } catch (err) {
    if (err instanceof StoreError) fail(err.message);
    throw err;
  }
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; everything else commander refuses is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.error;
      return;
    }
    if (err instanceof Failure) {
      process.stderr.write(`netty-oom: ${err.message}\n`);
    } else {
      process.stderr.write(`netty-oom: internal error: ${(err as Error).message}\n`);
      if (debug) process.stderr.write(`${(err as Error).stack}\n`);
    }
    process.exitCode = EXIT.error;
  }
}

// Run directly (`node --import tsx src/cli/main.ts …`) as well as through bin/netty-oom.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
