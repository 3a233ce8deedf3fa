// A one-line progress bar for long loads: redrawn in place on a terminal, a plain line every few seconds
// otherwise (CI logs, `| tee`).

/** Formats a number with thousands separators (1,000,000). */
export const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/** Formats seconds as `1m05s` or `12.3s`. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${String(Math.round(seconds - m * 60)).padStart(2, '0')}s`;
}

/** The bar's text: `[#####.....]  50%  label  rate/s  ETA`. */
export function renderBar(
  label: string,
  done: number,
  total: number,
  rate: number,
  unit: string,
  width = 28,
): string {
  const f = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(f * width);
  const eta = rate > 0 && f > 0 ? duration(((1 - f) / f) * (done / rate)) : '?';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  ${label}  ${thousands(rate)} ${unit}/s  ETA ${eta}`;
}

/** A progress bar on stderr. `update` is cheap to call often; `done` ends the line. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let last = 0;
  return {
    update(line: string) {
      const now = Date.now();
      if (tty) {
        if (now - last < 100) return;
        stream.write(`\r${line}\x1b[K`);
      } else {
        if (now - last < 5_000) return;
        stream.write(`${line}\n`);
      }
      last = now;
    },
    done(line: string) {
      stream.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
      last = 0;
    },
  };
}
