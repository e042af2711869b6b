/**
 * The batch progress bar on a terminal's stderr: done/total, pages/s and ETA,
 * redrawn in place (`\r` + text + clear-to-end, so there is no flicker and no
 * scrolling) at most every 100 ms. Messages printed while it shows (failures)
 * clear the bar first and redraw it after. Silent when disabled.
 */
import type { OutStream } from '../ports.js';

const REDRAW_MS = 100;
const CLEAR_TO_END = '\x1b[K';

export interface ProgressStream extends OutStream {
  columns?: number;
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bar line for `done` of `total` (null while still counting) after `elapsedMs`. */
export function renderBar(done: number, total: number | null, elapsedMs: number, columns: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const count = total === null ? `${done}/?` : `${done}/${total}`;
  const pct = total ? ` ${String(Math.floor((100 * done) / total)).padStart(3)}%` : '';
  const eta = total !== null && rate > 0 ? `  ETA ${formatDuration((total - done) / rate)}` : '';
  const text = `${count}${pct}  ${rate.toFixed(1)} pages/s${eta}`;
  const width = Math.min(30, columns - text.length - 4);
  if (width < 5) return text.slice(0, Math.max(0, columns - 1));
  const filled = total ? Math.min(width, Math.floor((width * done) / total)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`;
}

export class Progress {
  private done = 0;
  private total: number | null = null;
  private shown = false;
  private lastDraw = -Infinity;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  setTotal(total: number): void {
    this.total = total;
    this.draw(false);
  }

  /** Counts one finished page. */
  tick(): void {
    this.done++;
    this.draw(false);
  }

  /** Prints a line (a failure) above the bar. */
  note(line: string): void {
    if (this.shown) this.stream.write(`\r${CLEAR_TO_END}`);
    this.shown = false;
    this.stream.write(line.endsWith('\n') ? line : `${line}\n`);
    this.draw(true);
  }

  /** Removes the bar, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (this.shown) this.stream.write(`\r${CLEAR_TO_END}`);
    this.shown = false;
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const columns = this.stream.columns && this.stream.columns > 10 ? this.stream.columns : 80;
    this.stream.write(`\r${renderBar(this.done, this.total, t - this.started, columns)}${CLEAR_TO_END}`);
    this.shown = true;
  }
}
