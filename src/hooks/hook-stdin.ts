// Reads a hook's JSON from its stdin, bounded in size and in time, without ever spinning.
import type { Readable } from "node:stream";

export interface StdinLimits {
  /** More than this many bytes: the input is refused (a Stop hook's message can run to megabytes). */
  maxBytes: number;
  /** A stdin still open after this long: reading stops, so a pipe that never closes ends nothing. */
  timeoutMs: number;
}

export type StdinRead = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The whole of `stream` as UTF-8 text. Reads through the stream's events, so a non-blocking
 * descriptor waits in the event loop instead of polling; stops at `maxBytes` or `timeoutMs`,
 * whichever comes first, and then destroys the stream so that it keeps nothing alive.
 * A terminal is not hook input: it reads as empty at once.
 */
export function readHookStdin(stream: Readable & { isTTY?: boolean }, limits: StdinLimits): Promise<StdinRead> {
  if (stream.isTTY) return Promise.resolve({ ok: true, text: "" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: StdinRead) => {
      clearTimeout(timer);
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.destroy();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxBytes)
        return finish({ ok: false, problem: `hook input on stdin is larger than ${limits.maxBytes} bytes` });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    const onError = (error: Error) => finish({ ok: false, problem: `cannot read stdin: ${error.message}` });
    const timer = setTimeout(
      () => finish({ ok: false, problem: `stdin was still open after ${limits.timeoutMs} ms` }),
      limits.timeoutMs,
    );
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}
