// Operations the benchmark cases perform on a generated tree (all untimed).

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SESSION_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i;

/** Every session transcript (UUID-named .jsonl directly in a project dir), sorted, with sizes. */
export function listTranscripts(dir) {
  const projects = path.join(dir, "projects");
  const out = [];
  for (const p of fs.readdirSync(projects, { withFileTypes: true })) {
    if (!p.isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(projects, p.name), { withFileTypes: true })) {
      if (!f.isFile() || !SESSION_FILE.test(f.name)) continue;
      const rel = path.join(p.name, f.name);
      out.push({ rel, bytes: fs.statSync(path.join(projects, rel)).size });
    }
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/** Removes every sessions-index.json and the tool's cache dir: the state before any rebuild. */
export function deleteIndexes(dir) {
  const projects = path.join(dir, "projects");
  for (const p of fs.readdirSync(projects)) {
    fs.rmSync(path.join(projects, p, "sessions-index.json"), { force: true });
  }
  fs.rmSync(path.join(dir, "claude-reindex"), { recursive: true, force: true });
}

export function countIndexes(dir) {
  const projects = path.join(dir, "projects");
  return fs.readdirSync(projects).filter((p) => fs.existsSync(path.join(projects, p, "sessions-index.json"))).length;
}

/**
 * The last user/assistant record of a transcript, reading backwards in 1 MiB blocks; lines can be
 * many MB long, and metadata records (summary, custom-title) may follow the last message.
 */
export function lastMessageRecord(file) {
  const BLOCK = 1 << 20;
  const fd = fs.openSync(file, "r");
  try {
    let pos = fs.fstatSync(fd).size; // file bytes [pos, pos + buf.length) are in buf
    let buf = Buffer.alloc(0);
    for (;;) {
      let end = buf.length;
      while (end > 0 && (buf[end - 1] === 10 || buf[end - 1] === 13)) end--;
      const nl = end > 0 ? buf.lastIndexOf(10, end - 1) : -1;
      if (end > 0 && (nl >= 0 || pos === 0)) {
        const line = buf.subarray(nl + 1, end).toString("utf8");
        buf = buf.subarray(0, nl + 1);
        try {
          const rec = JSON.parse(line);
          if ((rec.type === "user" || rec.type === "assistant") && rec.uuid) return rec;
        } catch {
          // a cut-off or foreign line: keep looking further up
        }
        continue;
      }
      if (pos === 0) return null;
      const start = Math.max(0, pos - BLOCK);
      const chunk = Buffer.alloc(pos - start);
      fs.readSync(fd, chunk, 0, chunk.length, start);
      buf = Buffer.concat([chunk, buf.subarray(0, end)]);
      pos = start;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The envelope fields of `rec` in their original order (parentUuid … slug), for new records. */
function envelopeOf(rec, parentUuid) {
  const e = {};
  for (const [k, v] of Object.entries(rec)) {
    if (k === "type" || k === "message") break;
    e[k] = v;
  }
  e.parentUuid = parentUuid;
  delete e.logicalParentUuid;
  return e;
}

/**
 * Appends one more turn (a user prompt and the assistant's answer) that continues the
 * transcript's parentUuid chain with newer timestamps, as Claude Code would on a resume.
 * Returns the new leaf's uuid and timestamp.
 */
export function appendTurn(file) {
  const last = lastMessageRecord(file);
  if (!last) throw new Error(`no user/assistant record found in ${file}`);
  const t = Math.max(Date.now(), Date.parse(last.timestamp) + 1000);
  const userUuid = crypto.randomUUID();
  const user = {
    ...envelopeOf(last, last.uuid),
    type: "user",
    message: {
      role: "user",
      content: "One more thing: rerun the tests and tell me whether the “flaky” one still fails.",
    },
    uuid: userUuid,
    timestamp: new Date(t).toISOString(),
    permissionMode: "default",
  };
  const asstUuid = crypto.randomUUID();
  const assistant = {
    ...envelopeOf(last, userUuid),
    message: {
      model: last.message?.model ?? "claude-sonnet-4-5-20250929",
      id: `msg_01${crypto.randomBytes(16).toString("base64url").slice(0, 22)}`,
      type: "message",
      role: "assistant",
      content: [
        {
          type: "text",
          text:
            "All 214 tests pass now; the flaky one was a timing issue in `retry.test.ts`, " +
            "fixed by awaiting the lock release.",
        },
      ],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: 3,
        cache_creation_input_tokens: 120,
        cache_read_input_tokens: 98000,
        output_tokens: 40,
        service_tier: "standard",
      },
    },
    requestId: `req_011C${crypto.randomBytes(16).toString("base64url").slice(0, 20)}`,
    type: "assistant",
    uuid: asstUuid,
    timestamp: new Date(t + 2500).toISOString(),
  };
  fs.appendFileSync(file, `${JSON.stringify(user)}\n${JSON.stringify(assistant)}\n`);
  return { uuid: asstUuid, timestamp: assistant.timestamp };
}

/** Remembers a file's size and times so appended turns can be undone afterwards. */
export function snapshotFile(file) {
  const st = fs.statSync(file);
  return { file, size: st.size, atime: st.atime, mtime: st.mtime };
}

export function restoreFile(snap) {
  fs.truncateSync(snap.file, snap.size);
  fs.utimesSync(snap.file, snap.atime, snap.mtime);
}
