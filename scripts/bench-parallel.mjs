#!/usr/bin/env node
/**
 * GNU parallel recipes for `--stdin-jsonl` (issue 14 item 23): how much of a
 * chunked run is warm-up. Every process that GNU parallel starts loads Node and
 * our bundle and warms V8 up on its own pages; with small chunks that is paid
 * again and again. This times one process over all records against
 * `parallel --pipe -k -N <chunk>` for several chunk sizes and against
 * `parallel --pipe --round-robin` (one long-lived process per job slot), and
 * reports records/s, CPU seconds (user + system, all processes) and the warm-up
 * share: (CPU − CPU of one process) / CPU.
 *
 *   node scripts/bench-parallel.mjs [--records 12000] [--rounds 2] [--jobs 2] [--chunks 500,2000,6000] [--dir /dev/shm/…]
 *
 * Records are the repository's text fixtures (our own pages), each with a tag
 * so that no two are the same. Runs are interleaved, round by round; medians.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'news-parse.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const RECORDS = Number(arg('records', '12000'));
const ROUNDS = Number(arg('rounds', '2'));
const JOBS = Number(arg('jobs', '2'));
const CHUNKS = arg('chunks', '500,2000,6000').split(',').map(Number);
const base = arg('dir', null) ?? mkdtempSync(join(statSync('/dev/shm', { throwIfNoEntry: false })?.isDirectory() ? '/dev/shm' : tmpdir(), 'bench-parallel-'));

const texts = readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(ROOT, 'fixtures', d.name, 'input.txt'))
  .filter((f) => existsSync(f))
  .map((f) => readFileSync(f, 'utf8'));
const records = join(base, 'records.jsonl');
writeFileSync(records, Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ id: i, text: `${texts[i % texts.length]}\n（本报讯 ${i}）\n` })).join('\n') + '\n');
const mb = statSync(records).size / 1e6;

const node = `'${process.execPath}' '${CLI}' --stdin-jsonl -j 1`;
const runs = [
  { name: 'one process', cmd: `${node} < records.jsonl > out.jsonl` },
  ...CHUNKS.map((n) => ({ name: `-k -N ${n}`, cmd: `parallel --will-cite -j ${JOBS} -k --pipe -N ${n} ${node} < records.jsonl > out.jsonl` })),
  { name: `--round-robin (${JOBS} processes)`, cmd: `parallel --will-cite -j ${JOBS} --pipe --round-robin --block 1M ${node} < records.jsonl > out.jsonl` },
];

/** Wall and CPU (user + system of the shell and all it started) of one run, via /usr/bin/time. */
function timed(cmd) {
  try {
    execFileSync('/usr/bin/time', ['-o', join(base, 'time.txt'), '-f', '%e %U %S', 'sh', '-c', cmd], { cwd: base, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`${cmd} failed: ${String(err.stderr ?? err.message).slice(0, 2000)}`);
  }
  const [wall, user, sys] = readFileSync(join(base, 'time.txt'), 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  const lines = readFileSync(join(base, 'out.jsonl'), 'utf8').split('\n').filter((l) => l !== '').length;
  if (lines !== RECORDS) throw new Error(`${cmd}: ${lines} output lines for ${RECORDS} records`);
  return { wall, cpu: user + sys };
}

const results = new Map(runs.map((r) => [r.name, []]));
for (let round = 0; round < ROUNDS; round++) for (const r of runs) results.get(r.name).push(timed(r.cmd));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const oneCpu = median(results.get('one process').map((r) => r.cpu));
console.log(`${RECORDS} records (${mb.toFixed(1)} MB) in ${base}; -j ${JOBS}; ${ROUNDS} interleaved rounds, medians (ranges)`);
console.log('run                          wall s            records/s        CPU s             warm-up share');
for (const r of runs) {
  const xs = results.get(r.name);
  const walls = xs.map((x) => x.wall);
  const cpus = xs.map((x) => x.cpu);
  const w = median(walls);
  const c = median(cpus);
  const share = r.name === 'one process' ? '-' : `${Math.max(0, ((c - oneCpu) / c) * 100).toFixed(0)} %`;
  const range = (v) => `${Math.min(...v).toFixed(2)}–${Math.max(...v).toFixed(2)}`;
  console.log(`${r.name.padEnd(28)} ${w.toFixed(2).padStart(6)} (${range(walls)})  ${(RECORDS / w).toFixed(0).padStart(6)}  ${c.toFixed(2).padStart(7)} (${range(cpus)})  ${share}`);
}
if (!arg('dir', null)) rmSync(base, { recursive: true, force: true });
