// Runs in a worker thread of the derivation pool: derives each batch of transcripts it is sent.
import { parentPort, workerData } from "node:worker_threads";
import type { TranscriptFile } from "./session-entry.ts";
import { deriveTranscript } from "./transcript.ts";
import { TranscriptCache } from "./transcript-cache.ts";

const { configRoot, writableCache } = workerData as { configRoot: string; writableCache: boolean };
const cache = TranscriptCache.under(configRoot, { writable: writableCache });

parentPort!.on("message", (files: TranscriptFile[]) => {
  parentPort!.postMessage(files.map((file) => deriveTranscript(file, cache)));
});
