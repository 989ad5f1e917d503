import fs from "node:fs";
import { IndexFileSchema } from "../../src/sessions-index/session-index.ts";

/**
 * Reads index files over and over while writers run, as a resume picker would. Every read must
 * parse as a whole, schema-valid index: never torn, never empty, never half-written.
 */
export function pollIndexes(files: string[]) {
  let running = true;
  let reads = 0;
  const failures: string[] = [];
  const done = (async () => {
    while (running) {
      for (const file of files) {
        let text: string;
        try {
          text = fs.readFileSync(file, "utf8");
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") failures.push(`${file}: ${(error as Error).message}`);
          continue;
        }
        reads++;
        try {
          const parsed = IndexFileSchema.safeParse(JSON.parse(text));
          if (!parsed.success) failures.push(`${file}: not a valid index: ${parsed.error.issues[0]?.message}`);
        } catch {
          failures.push(`${file}: does not parse (${text.length} bytes: ${JSON.stringify(text.slice(0, 60))}…)`);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { reads, failures };
    },
  };
}
