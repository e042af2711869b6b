/**
 * Helpers for the batch tests. They run the built CLI (`node bin/news-parse.js`)
 * as a child process, because the batch workers load dist/ JavaScript (the
 * bundle in dist/bundle/ that bin/ loads); when dist/ is missing or older than
 * the batch sources, it is built first (one build at a time across test files,
 * by a lock directory).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'bin', 'news-parse.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(): boolean {
  const built = join(ROOT, 'dist', 'cli', 'command-batch.js');
  const bundled = join(ROOT, 'dist', 'bundle', 'worker.js');
  if (!existsSync(built) || !existsSync(bundled) || !existsSync(join(ROOT, 'dist', 'index.js'))) return true;
  const src = Math.max(newestMtime(join(ROOT, 'src', 'batch')), statSync(join(ROOT, 'src', 'cli', 'command-batch.ts')).mtimeMs);
  return Math.min(statSync(built).mtimeMs, statSync(bundled).mtimeMs) < src;
}

/** Builds dist/ when the batch code in it is missing or stale. */
export function ensureBuilt(): void {
  if (!stale()) return;
  const lock = join(ROOT, 'dist', '.batch-test-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build dist/');
      spawnSync('sleep', ['0.2']);
    }
  }
  try {
    if (!stale()) return;
    // Type errors in other people's work in progress do not stop tsc from emitting.
    spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
    spawnSync(process.execPath, ['scripts/build-validators.mjs'], { cwd: ROOT, stdio: 'ignore' });
    spawnSync(process.execPath, ['scripts/bundle-cli.mjs'], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    rmdirSync(lock);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args` in `cwd` (no shell: globs reach it unexpanded). */
export function runCli(args: string[], opts: { cwd: string; input?: string; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `news-parse-${prefix}-`));
}

/** A real page (from the fixtures), with `tag` appended so that every copy hashes differently. */
export function pageText(tag: string | number, fixture = 'crlf-jump-line'): string {
  const base = readFileSync(join(ROOT, 'fixtures', fixture, 'input.txt'), 'utf8');
  return `${base}\n（本报讯 ${tag}）\n`;
}

export function writePage(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Every file under `dir`, relative, sorted, with `/` separators. */
export function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

export function readJson<T = any>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
