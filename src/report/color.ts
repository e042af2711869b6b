/**
 * The colour level of a run, decided once for every formatter: none with
 * NO_COLOR or when stdout is not a terminal; FORCE_COLOR overrides; otherwise
 * what the terminal supports.
 */
import { supportsColor } from 'chalk';
import type { CliIO } from '../ports.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(io: Pick<CliIO, 'env' | 'stdout'>): ColorLevel {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    const n = Number(force);
    if (force === 'false' || n === 0) return 0;
    return (Number.isInteger(n) && n >= 1 && n <= 3 ? n : 1) as ColorLevel;
  }
  if (!io.stdout.isTTY) return 0;
  return (supportsColor ? Math.max(1, supportsColor.level) : 1) as ColorLevel;
}
