// npm run bench:layout — a benchmark, not a test: time per line of the layout stages
// (src/core/layout) and of the whole positioned parse on pages made of 1, 4, 16 and 64
// copies of the ALTO fixture page tiled in a square grid (2 columns each: 2 to 16 columns,
// 24 to 1,536 lines). Linear stages keep the time per line flat as the page grows.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { readAlto } = await import('../dist/io/read-alto.js');
const { analyseLayout } = await import('../dist/core/layout/analyse-layout.js');
const { parseLines } = await import('../dist/index.js');
const page = readAlto(readFileSync(join(root, 'fixtures/alto-two-columns/input.xml')), {});

function tiled(copies) {
  const side = Math.round(Math.sqrt(copies));
  let maxX = 0;
  let maxY = 0;
  for (const l of page.lines) {
    maxX = Math.max(maxX, l.hint.bbox[2]);
    maxY = Math.max(maxY, l.hint.bbox[3]);
  }
  const lines = [];
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++)
      for (const l of page.lines) {
        const [x0, y0, x1, y1] = l.hint.bbox;
        const dx = c * (maxX + 80);
        const dy = r * (maxY + 120);
        lines.push({ n: lines.length + 1, text: l.text, hint: { ...l.hint, bbox: [x0 + dx, y0 + dy, x1 + dx, y1 + dy] } });
      }
  return lines;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function perLine(fn, lines, runs) {
  for (let i = 0; i < 20; i++) fn(lines); // warm up (V8 compiles the stages on the first passes)
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(lines);
    times.push(performance.now() - t0);
  }
  return (median(times) / lines.length) * 1000; // µs per line
}

const source = (lines) => ({ path: null, sha256: '0'.repeat(64), encoding: 'utf-8', format: 'alto', bytes: 0, lines: lines.length });
console.log('copies  lines  layout µs/line  whole parse µs/line');
const base = {};
for (const copies of [1, 4, 16, 64]) {
  const lines = tiled(copies);
  const runs = copies >= 16 ? 15 : 40;
  const layout = perLine((ls) => analyseLayout(ls), lines, runs);
  const whole = perLine((ls) => parseLines(ls, source(ls), { format: 'alto' }), lines, runs);
  base.layout ??= layout;
  base.whole ??= whole;
  console.log(`${String(copies).padStart(6)} ${String(lines.length).padStart(6)} ${layout.toFixed(1).padStart(10)} (${(layout / base.layout).toFixed(2)}×) ${whole.toFixed(1).padStart(12)} (${(whole / base.whole).toFixed(2)}×)`);
}
