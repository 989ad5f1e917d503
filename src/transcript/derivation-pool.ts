import os from "node:os";
import { Worker } from "node:worker_threads";
import type { TranscriptFile } from "./session-entry.ts";
import type { TranscriptDerivation } from "./transcript.ts";

/**
 * Worker threads that read transcripts in parallel: a cold rebuild of years of history is
 * CPU-bound (JSON parsing), and every core helps. Each worker runs `derivation-worker.mjs`, which
 * derives one transcript at a time exactly as the main thread would.
 */
export interface DerivationPool {
  derive(file: TranscriptFile): Promise<TranscriptDerivation>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workerScript: URL;
  configRoot: string;
  writableCache: boolean;
  size?: number;
}

interface Job {
  file: TranscriptFile;
  resolve: (derivation: TranscriptDerivation) => void;
  reject: (error: Error) => void;
}

export function createDerivationPool(options: PoolOptions): DerivationPool {
  const size = options.size ?? Math.max(1, os.availableParallelism());
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let failure: Error | null = null;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.file);
    }
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(options.workerScript, {
      workerData: { configRoot: options.configRoot, writableCache: options.writableCache },
    });
    worker.on("message", (derivation: TranscriptDerivation | null) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (derivation === null) job?.reject(new Error(`${job.file.path}: the worker could not send its derivation`));
      else job?.resolve(derivation);
      dispatch();
    });
    // A worker that fails, exits, or sends a message that cannot be received (a value nested too deep to
    // clone) fails its job and every queued one: the caller reads those on its own thread. No job waits
    // for ever on a worker that will not answer.
    const fail = (error: Error) => {
      failure ??= error;
      busy.get(worker)?.reject(error);
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
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
