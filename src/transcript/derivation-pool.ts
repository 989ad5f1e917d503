// Worker threads that read transcripts in parallel: a cold rebuild of years of history is
// CPU-bound (JSON parsing), and every core helps. Each worker runs `derivation-worker.mjs`, which
// derives the transcripts of each message it gets exactly as the main thread would. Workers start
// once per run; files go to them in batches (one message for many small transcripts), few enough
// per batch that the last ones still spread over every worker.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { SessionFile } from "../layout/session-file.ts";
import type { TranscriptDerivation } from "./transcript.ts";

export interface DerivationPool {
  derive(file: SessionFile): Promise<TranscriptDerivation>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workerScript: URL;
  configRoot: string;
  writableCache: boolean;
  size?: number;
}

interface Job {
  file: SessionFile;
  resolve: (derivation: TranscriptDerivation) => void;
  reject: (error: Error) => void;
}

/** At most this many files, and about this many bytes, go to a worker in one message. */
const BATCH_FILES = 32;
const BATCH_BYTES = 8 << 20;

export function createDerivationPool(options: PoolOptions): DerivationPool {
  const size = options.size ?? Math.max(1, os.availableParallelism());
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job[]>();
  let failure: Error | null = null;

  const nextBatch = (): Job[] => {
    // Leave work for the other workers: a batch takes at most its share of what is queued.
    const share = Math.max(1, Math.min(BATCH_FILES, Math.floor(queue.length / (2 * size))));
    const batch: Job[] = [];
    let bytes = 0;
    while (queue.length > 0 && batch.length < share && bytes < BATCH_BYTES) {
      const job = queue.shift()!;
      bytes += job.file.size;
      batch.push(job);
    }
    return batch;
  };

  // Deferred to the next turn, so that a caller queueing many files at once fills the queue first.
  let dispatchPending = false;
  const dispatch = () => {
    dispatchPending = false;
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const batch = nextBatch();
      busy.set(worker, batch);
      worker.postMessage(batch.map((job) => job.file));
    }
  };
  const scheduleDispatch = () => {
    if (dispatchPending) return;
    dispatchPending = true;
    queueMicrotask(dispatch);
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(options.workerScript, {
      workerData: { configRoot: options.configRoot, writableCache: options.writableCache },
      // What a worker allocates per line dies young; a smaller nursery than V8's default holds less of it
      // at a time (a cold rebuild's peak memory, main thread and two workers: about 30 MB less).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    worker.on("message", (derivations: TranscriptDerivation[] | null) => {
      const batch = busy.get(worker) ?? [];
      busy.delete(worker);
      idle.push(worker);
      for (const [i, job] of batch.entries()) {
        if (derivations === null) job.reject(new Error(`${job.file.path}: the worker could not send its derivation`));
        else job.resolve(derivations[i]!);
      }
      dispatch();
    });
    // A worker that fails, exits, or sends a message that cannot be received (a value nested too deep to
    // clone) fails its batch and every queued job: the caller reads those on its own thread. No job waits
    // for ever on a worker that will not answer.
    const fail = (error: Error) => {
      failure ??= error;
      for (const job of busy.get(worker) ?? []) job.reject(error);
      busy.delete(worker);
      for (const job of queue.splice(0)) job.reject(error);
    };
    worker.on("error", fail);
    worker.on("messageerror", fail);
    worker.on("exit", (code) => fail(new Error(`a derivation worker exited (code ${code})`)));
    idle.push(worker);
    return worker;
  });

  return {
    derive(file) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ file, resolve, reject });
        scheduleDispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
