#!/usr/bin/env node
// `npm run bench:batch`: batch throughput and memory. Builds a corpus of
// variants of fixtures/*/input.txt (and /work/shared/seeds/*.txt when present)
// in a temp dir, each page changed a little so that no two hash the same, then
// times the built CLI with --jobs 1 and --jobs 2 against a floor program
// (scripts/bench-floor.mjs) and prints a table.
//
// Usage: node scripts/bench-batch.mjs [--pages N] [--repeat R] [--dir DIR] [--keep]
// The corpus and all outputs go under DIR (default: /dev/shm when it exists,
// else the system temp dir): on this project's VMs the disk's system time for
// writes varied 1-6 s between identical runs, which swamped the programs'
// own differences. The floor writes to the same place, so the ratio is fair.
// The three programs run interleaved, R rounds; each row is its best round.
// Peak memory comes from /usr/bin/time -v when present, otherwise from a
// preloaded module that records process.resourceUsage().maxRSS at exit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : Number(args[i + 1]);
};
const PAGES = opt('--pages', 2400);
const REPEAT = opt('--repeat', 2);
const KEEP = args.includes('--keep');
const DIR = (() => {
  const i = args.indexOf('--dir');
  if (i !== -1) return args[i + 1];
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
})();

// --- corpus ---------------------------------------------------------------
function sources() {
  const out = [];
  const fx = join(root, 'fixtures');
  for (const d of readdirSync(fx, { withFileTypes: true })) {
    const f = join(fx, d.name, 'input.txt');
    if (d.isDirectory() && existsSync(f)) out.push({ name: d.name, bytes: readFileSync(f) });
  }
  const seeds = '/work/shared/seeds';
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) out.push({ name: f, bytes: readFileSync(join(seeds, f)) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The page with a line appended (in the page's own encoding family), so every variant hashes differently. */
function variant(bytes, i) {
  const extra = `\n（本报讯 第${i}号）\n`;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.concat([bytes, Buffer.from(extra, 'utf16le')]);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.concat([bytes, Buffer.from(extra, 'utf16le').swap16()]);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    utf8.decode(bytes);
    return Buffer.concat([bytes, Buffer.from(extra, 'utf8')]);
  } catch {
    return Buffer.concat([bytes, Buffer.from(`\n(${i})\n`, 'ascii')]); // GB18030 / Big5: ASCII is safe in both
  }
}

const work = mkdtempSync(join(DIR, 'news-parse-bench-'));
const corpus = join(work, 'corpus');
const srcs = sources();
let bytesTotal = 0;
for (let i = 0; i < PAGES; i++) {
  const s = srcs[i % srcs.length];
  const dir = join(corpus, `vol${String(Math.floor(i / 100)).padStart(3, '0')}`);
  if (i % 100 === 0) mkdirSync(dir, { recursive: true });
  const data = variant(s.bytes, i);
  bytesTotal += data.length;
  writeFileSync(join(dir, `p${String(i).padStart(5, '0')}-${s.name.replace(/\.txt$/, '')}.txt`), data);
}

// --- measuring --------------------------------------------------------------
const haveTime = existsSync('/usr/bin/time');
const rssProbe = join(work, 'rss-probe.mjs');
writeFileSync(
  rssProbe,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rssKb: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); } catch {} });\n`,
);

/** One timed run of `argv` (with `$OUT` replaced by a fresh output directory). */
function runOnce(label, argv) {
  const out = join(work, `out-${label.replace(/\W+/g, '')}`);
  rmSync(out, { recursive: true, force: true });
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const full = argv.map((a) => (a === '$OUT' ? out : a));
  const cmd = haveTime ? '/usr/bin/time' : process.execPath;
  const cmdArgs = haveTime ? ['-v', process.execPath, ...full] : full;
  const env = haveTime ? process.env : { ...process.env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--import=${pathToFileURL(rssProbe).href}` };
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, cmdArgs, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) {
    console.error(`${label}: exit ${res.status}\n${res.stderr}`);
    if (!KEEP) rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  let rssKb;
  let cpu;
  if (haveTime) {
    rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1] ?? NaN);
    cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1] ?? NaN);
  } else {
    ({ rssKb, cpu } = JSON.parse(readFileSync(rssFile, 'utf8'))); // maxRSS is in kilobytes
  }
  return { label, seconds, cpu, rssMb: rssKb / 1024, outputs: countJson(out) };
}

/**
 * Runs every program REPEAT times, interleaved (floor, jobs=1, jobs=2, floor, …)
 * so that a burst of load on a shared machine hits all of them alike, and keeps
 * each one's best run (its median wall time is reported too).
 */
function measureAll(programs) {
  const runs = programs.map(() => []);
  for (let r = 0; r < REPEAT; r++) programs.forEach(([label, argv], i) => runs[i].push(runOnce(label, argv)));
  return runs.map((rs) => {
    const walls = rs.map((x) => x.seconds).sort((a, b) => a - b);
    const best = rs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return { ...best, median: walls[Math.floor(walls.length / 2)], rssMb: Math.max(...rs.map((x) => x.rssMb)) };
  });
}

function countJson(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countJson(join(dir, e.name));
    else if (e.name.endsWith('.json') && e.name !== 'manifest.json') n++;
  }
  return n;
}

const cli = join(root, 'bin', 'news-parse.js');
const [floor, j1, j2] = measureAll([
  ['floor', [join(root, 'scripts', 'bench-floor.mjs'), corpus, '$OUT']],
  ['jobs=1', [cli, corpus, '--out-dir', '$OUT', '--jobs', '1', '--quiet', '--force']],
  ['jobs=2', [cli, corpus, '--out-dir', '$OUT', '--jobs', '2', '--quiet', '--force']],
]);

const rows = [floor, j1, j2];
const pad = (s, n) => String(s).padStart(n);
console.log(`corpus: ${PAGES} pages, ${(bytesTotal / 1e6).toFixed(1)} MB, from ${srcs.length} sources, in ${DIR}; best of ${REPEAT} interleaved runs (median wall in its own column); peak RSS via ${haveTime ? '/usr/bin/time -v' : 'process.resourceUsage()'}`);
console.log(`${'run'.padEnd(8)} ${pad('pages', 6)} ${pad('wall s', 8)} ${pad('median s', 9)} ${pad('pages/s', 8)} ${pad('CPU s', 8)} ${pad('peak MB', 8)} ${pad('× floor', 8)}`);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(8)} ${pad(r.outputs, 6)} ${pad(r.seconds.toFixed(2), 8)} ${pad(r.median.toFixed(2), 9)} ${pad((PAGES / r.seconds).toFixed(0), 8)} ${pad(r.cpu.toFixed(2), 8)} ${pad(r.rssMb.toFixed(0), 8)} ${pad((r.seconds / floor.seconds).toFixed(2), 8)}`,
  );
}
const speedup = j1.seconds / j2.seconds;
const vsFloor = j2.seconds / floor.seconds;
const peak = Math.max(j1.rssMb, j2.rssMb);
const mark = (ok) => (ok ? 'ok' : 'MISSED');
const loadNote = (() => {
  try {
    return ` (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${availableParallelism()} CPUs: other work on the machine skews wall times)`;
  } catch {
    return '';
  }
})();
console.log(`speed-up 1→2 workers: ${speedup.toFixed(2)}× wall (target ≥ 1.7×: ${mark(speedup >= 1.7)})${loadNote}`);
console.log(`CPU per page: jobs=1 ${((1000 * j1.cpu) / PAGES).toFixed(2)} ms, jobs=2 ${((1000 * j2.cpu) / PAGES).toFixed(2)} ms (jobs=1 runs on the main thread, jobs=2 on two workers; equal CPU means the workers add no overhead and the speed-up is then bounded by free cores)`);
// Two workers do the same pages plus a second isolate's warm-up, so they need at least jobs=1's CPU;
// spread over the CPUs they can use, that caps the speed-up whatever the pool does.
const usable = Math.min(2, availableParallelism());
console.log(
  `ceiling: jobs=1 kept ${(j1.cpu / j1.seconds).toFixed(2)} CPUs busy (V8's compiler and GC threads beside the main thread); ` +
    `two jobs need at least its ${j1.cpu.toFixed(2)} s of CPU, so on ${usable} CPUs the speed-up is at most ${((usable * j1.seconds) / j1.cpu).toFixed(2)}× ` +
    `(jobs=2 used ${(j2.cpu / j1.cpu).toFixed(2)}× jobs=1's CPU)`,
);
console.log(`jobs=2 vs floor: ${vsFloor.toFixed(2)}× the floor's time (target ≤ 3×: ${mark(vsFloor <= 3)})`);
console.log(`peak memory: ${peak.toFixed(0)} MB (target < 300 MB: ${mark(peak < 300)})`);
if (!KEEP) rmSync(work, { recursive: true, force: true });
else console.log(`kept: ${work}`);
