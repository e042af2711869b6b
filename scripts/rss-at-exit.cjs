// Preloaded (node --require) into a child run of the CLI by scripts/bench-scale.mjs: when the
// process exits, one line on stderr with its CPU, wall time and peak RSS (the CLI itself prints
// nothing on stderr for a page it can read, so the line is easy to find).
'use strict';
const start = process.hrtime.bigint();
process.on('exit', () => {
  const cpu = process.cpuUsage();
  const line = { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: (cpu.user + cpu.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stderr.write(`BENCH ${JSON.stringify(line)}\n`);
});
