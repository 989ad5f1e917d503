// Runs in a worker thread of the derivation pool: derives each batch of transcripts it is sent.
import { parentPort, workerData } from "node:worker_threads";
import type { TranscriptFile } from "./session-entry.ts";
import { deriveTranscript } from "./transcript.ts";
import { TranscriptCache } from "./transcript-cache.ts";

const { configRoot, writableCache } = workerData as { configRoot: string; writableCache: boolean };
const cache = TranscriptCache.under(configRoot, { writable: writableCache });

parentPort!.on("message", (files: TranscriptFile[]) => {
  try {
    parentPort!.postMessage(files.map((file) => deriveTranscript(file, cache)));
  } catch {
    // A derivation that cannot be cloned (a value nested too deep): the main thread derives the batch itself.
    parentPort!.postMessage(null);
  }
});
