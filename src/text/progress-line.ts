// One line of progress on a terminal, redrawn in place and erased at the end; nothing at all when the
// stream is not a terminal, so logs and pipes stay clean.
const REDRAW_EVERY_MS = 100;

export interface ProgressLine {
  project(done: number, total: number, projectDir: string): void;
  finish(): void;
}

/** A progress line on `stream`, drawn only once `delayMs` have passed (and only on a terminal). */
export function progressLine(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  label: string,
  options: { enabled?: boolean; clock?: () => number; delayMs?: number } = {},
): ProgressLine {
  const { enabled = true, clock = Date.now, delayMs = 0 } = options;
  if (!enabled || !stream.isTTY) return { project() {}, finish() {} };
  const start = clock();
  let lastDraw = 0;
  let drawn = false;
  return {
    project(done, total, projectDir) {
      const now = clock();
      // A quick run shows nothing at all; a line appears only once the wait is noticeable.
      if (now - start < delayMs) return;
      if (drawn && now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      drawn = true;
      const text = `${label} ${done}/${total} ${projectDir.split("/").pop() ?? ""}`;
      stream.write(`\r\x1b[K${text.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
