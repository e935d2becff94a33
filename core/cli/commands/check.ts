import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase, readPragmas } from '../../storage';
import type { Command } from '../command';
import { withEngine } from '../engine-session';
import { EXIT, UsageError } from '../exit-codes';

// project-format.md §7: `check [--providers] [--gc]` — migrations (by opening the engine), integrity, the
// pragmas read back, missing and orphaned media; provider tests; deletion of old orphans.

const GC_AGE_MS = 24 * 60 * 60 * 1000;
const SHA256_FILE = /^([0-9a-f]{64})\.[a-z0-9]+$/;

export const checkCommand: Command = {
  name: 'check',
  usage: 'genweave check [--providers] [--gc]',
  summary: 'Check the data dir: database integrity, pragmas, media; optionally test providers and remove old orphans.',
  options: { providers: 'boolean', gc: 'boolean' },
  async run({ positionals, options, dataDir }) {
    if (positionals.length > 0) throw new UsageError('check takes no positional arguments.');
    return withEngine(dataDir, async (engine) => {
      const lines: string[] = [];
      const problems: string[] = [];
      const { db } = openDatabase(dataDir, Date.now);
      let referenced: Set<string>;
      try {
        const integrity = String(db.pragma('integrity_check', { simple: true }));
        lines.push(`integrity_check ${integrity}`);
        if (integrity !== 'ok') problems.push(`integrity_check reported: ${integrity}`);
        const pragmas = readPragmas(db);
        lines.push(`pragmas journal_mode=${pragmas.journal_mode} synchronous=${pragmas.synchronous} foreign_keys=${pragmas.foreign_keys} busy_timeout=${pragmas.busy_timeout}`);
        if (pragmas.journal_mode !== 'wal' || pragmas.synchronous !== 1 || pragmas.foreign_keys !== 1 || pragmas.busy_timeout < 5000) {
          problems.push('the database pragmas differ from engine.md §4.1');
        }
        referenced = referencedMedia(db.prepare('SELECT result, inputs FROM generations').all() as Array<{ result: string | null; inputs: string }>);
      } finally {
        db.close();
      }

      const onDisk = await mediaFiles(path.join(dataDir, 'media'));
      const missing = [...referenced].filter((sha) => !onDisk.has(sha)).sort();
      const orphaned = [...onDisk.entries()].filter(([sha]) => !referenced.has(sha)).map(([sha, file]) => ({ sha, file }));
      lines.push(`media ${onDisk.size} files, ${missing.length} missing, ${orphaned.length} orphaned`);
      for (const sha of missing) lines.push(`missing media ${sha}`);
      if (missing.length > 0) problems.push(`${missing.length} media file(s) referenced by generations are missing`);

      const removed: string[] = [];
      if (options.gc === true) {
        const now = Date.now();
        for (const { sha, file } of orphaned) {
          if (now - (await stat(file)).mtimeMs > GC_AGE_MS) {
            await rm(file, { force: true });
            removed.push(sha);
          }
        }
        lines.push(`gc removed ${removed.length} orphaned media file(s) older than 24 h`);
      }

      const tests: Array<{ id: string; ok: boolean; message: string }> = [];
      if (options.providers === true) {
        for (const provider of await engine.providers.list()) {
          if (provider.enabled === false) continue;
          const result = await engine.providers.test(provider.id);
          tests.push({ id: provider.id, ok: result.ok, message: result.message });
          lines.push(`provider ${provider.id} ${result.ok ? 'ok' : 'failed'}: ${result.message}`);
          if (!result.ok) problems.push(`provider '${provider.id}' failed its test`);
        }
      }
      for (const problem of problems) lines.push(`problem: ${problem}`);
      lines.push(problems.length === 0 ? 'Data dir is healthy.' : `${problems.length} problem(s) found.`);
      return {
        exitCode: problems.length === 0 ? EXIT.ok : EXIT.domain,
        lines,
        json: { dataDir, problems, missingMedia: missing, orphanedMedia: orphaned.map((o) => o.sha), removedMedia: removed, providerTests: tests, startupNotices: engine.startupNotices },
      };
    });
  },
};

function referencedMedia(rows: ReadonlyArray<{ result: string | null; inputs: string }>): Set<string> {
  const out = new Set<string>();
  for (const row of rows) {
    const result = row.result === null ? null : (JSON.parse(row.result) as { mediaSha256?: unknown; thumbnailSha256?: unknown });
    for (const sha of [result?.mediaSha256, result?.thumbnailSha256]) if (typeof sha === 'string') out.add(sha);
    for (const input of JSON.parse(row.inputs) as Array<{ sha256?: unknown }>) if (typeof input.sha256 === 'string') out.add(input.sha256);
  }
  return out;
}

/** sha256 → file, for every `media/<aa>/<sha256>.<ext>` (the `.tmp` folder is not media). */
async function mediaFiles(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let folders: string[];
  try {
    folders = await readdir(root);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw cause;
  }
  for (const folder of folders) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    for (const name of await readdir(path.join(root, folder))) {
      const match = SHA256_FILE.exec(name);
      if (match !== null) found.set(match[1]!, path.join(root, folder, name));
    }
  }
  return found;
}
