// Runs in a worker thread of the derivation pool: derives the transcripts it is sent, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import type { TranscriptFile } from "./session-entry.ts";
import { deriveTranscript } from "./transcript.ts";
import { TranscriptCache } from "./transcript-cache.ts";

const { configRoot, writableCache } = workerData as { configRoot: string; writableCache: boolean };
const cache = TranscriptCache.under(configRoot, { writable: writableCache });

parentPort!.on("message", (file: TranscriptFile) => {
  try {
    parentPort!.postMessage(deriveTranscript(file, cache));
  } catch {
    // A derivation that cannot be cloned (a value nested too deep): the main thread derives it itself.
    parentPort!.postMessage(null);
  }
});
