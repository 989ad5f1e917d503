// Writes one synthetic transcript in the shape Claude Code 2.0.x/2.1.x writes them.
//
// Key order follows Claude Code's insertMessageChain(): the envelope {parentUuid, isSidechain,
// userType, cwd, sessionId, version, gitBranch, agentId, slug} comes first, then the message's
// own fields (user: type, message, isMeta, uuid, timestamp, toolUseResult, sourceToolAssistantUUID;
// assistant: message, requestId, type, uuid, timestamp). Streaming writes one assistant record per
// content block (thinking, text, tool_use), all sharing one message id; a tool result's parentUuid
// is the tool_use record that asked for it, so parallel tool calls leave small side branches.

import fs from "node:fs";
import { base64Slice, ident, NON_ASCII, sentence, slice, word } from "./corpus.mjs";
import { makeRng } from "./prng.mjs";

const FLUSH_CHARS = 8 << 20;

/** Buffers lines and writes them in large chunks; counts exact UTF-8 bytes as it goes. */
export class JsonlFile {
  constructor(path) {
    this.fd = fs.openSync(path, "w", 0o600);
    this.parts = [];
    this.pendingChars = 0;
    this.bytes = 0;
  }
  write(record) {
    const line = `${JSON.stringify(record)}\n`;
    this.bytes += Buffer.byteLength(line);
    this.parts.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(""));
    for (let off = 0; off < buf.length; ) off += fs.writeSync(this.fd, buf, off);
    this.parts = [];
    this.pendingChars = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

// ---------------------------------------------------------------------------------------------
// Time and envelope

/** Advances the session clock by a log-normal gap (ms) and returns the ISO timestamp. */
function tick(s, medianMs, sigma = 1, maxMs = 3 * 3600e3) {
  s.t += Math.min(maxMs, Math.max(1, Math.round(s.rng.logNormal(medianMs, sigma))));
  return new Date(s.t).toISOString();
}

function envelope(s, parentUuid, logicalParentUuid) {
  const j = s.job;
  const e = { parentUuid };
  if (logicalParentUuid !== undefined) e.logicalParentUuid = logicalParentUuid;
  e.isSidechain = Boolean(j.agentId);
  e.userType = "external";
  e.cwd = j.cwd;
  e.sessionId = j.sessionId;
  e.version = j.version;
  if (j.gitBranch !== undefined) e.gitBranch = j.gitBranch;
  if (j.agentId) e.agentId = j.agentId;
  if (j.slug) e.slug = j.slug;
  return e;
}

function writeUser(s, content, { parent = s.parent, before = {}, after = {}, uuid = s.rng.uuid(), gapMs = 400 } = {}) {
  const rec = { ...envelope(s, parent), type: "user", message: { role: "user", content }, ...before };
  rec.uuid = uuid;
  rec.timestamp = tick(s, gapMs);
  Object.assign(rec, after);
  s.file.write(rec);
  s.parent = uuid;
  s.lastMessageUuid = uuid;
  return uuid;
}

function newAssistantMessage(s) {
  return { id: `msg_01${s.rng.base62(22)}`, requestId: `req_011C${s.rng.base62(20)}` };
}

function usage(s) {
  const created = s.rng.int(0, 8000);
  return {
    input_tokens: s.rng.int(1, 12),
    cache_creation_input_tokens: created,
    cache_read_input_tokens: s.rng.int(10000, 160000),
    cache_creation: { ephemeral_5m_input_tokens: created, ephemeral_1h_input_tokens: 0 },
    output_tokens: s.rng.int(1, 3000),
    service_tier: "standard",
  };
}

function writeAssistantBlock(s, msg, block, gapMs = 1500) {
  const uuid = s.rng.uuid();
  s.file.write({
    ...envelope(s, s.parent),
    message: {
      model: s.job.model,
      id: msg.id,
      type: "message",
      role: "assistant",
      content: [block],
      stop_reason: null,
      stop_sequence: null,
      usage: usage(s),
    },
    requestId: msg.requestId,
    type: "assistant",
    uuid,
    timestamp: tick(s, gapMs),
  });
  s.parent = uuid;
  s.lastMessageUuid = uuid;
  return uuid;
}

// ---------------------------------------------------------------------------------------------
// Tools: each returns the tool_use input, the tool_result content and the toolUseResult record.

function filePath(s) {
  const ext = s.rng.pick(["ts", "tsx", "js", "py", "go", "rs", "md", "json", "sql", "sh"]);
  return `${s.job.cwd}/${s.rng.pick(["src", "lib", "test", "docs", "scripts"])}/${ident(s.rng)}.${ext}`;
}

/** `cat -n`-style numbering, as the Read and Edit tools return it. */
function numbered(text, start = 1) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l, i) => `${String(i + start).padStart(6)}→${l}`).join("\n");
}

const COMMANDS = ["npm test", "git diff", "rg -n", "ls -la", "cargo build", "pytest -q"];

const TOOLS = {
  Read(s, size) {
    const path = filePath(s);
    if (s.rng.chance(0.02)) {
      const data = base64Slice(s.rng, s.corpus.base64, size);
      return {
        input: { file_path: path.replace(/\.\w+$/, ".png") },
        content: [{ type: "image", source: { type: "base64", data, media_type: "image/png" } }],
        result: {
          type: "image",
          file: { base64: data, type: "image/png", originalSize: Math.round(data.length * 0.75) },
        },
      };
    }
    const text = slice(s.rng, s.corpus.code, size);
    const numLines = text.split("\n").length;
    return {
      input: { file_path: path },
      content: numbered(text),
      result: { type: "text", file: { filePath: path, content: text, numLines, startLine: 1, totalLines: numLines } },
    };
  },
  Bash(s, size) {
    const stdout = slice(s.rng, s.rng.chance(0.5) ? s.corpus.code : s.corpus.prose, size);
    const stderr = s.rng.chance(0.1) ? `npm warn ${sentence(s.rng, 3, 8)}\u001b[0m` : "";
    return {
      input: {
        command: `${s.rng.pick(COMMANDS)} ${word(s.rng)}`,
        description: sentence(s.rng, 3, 7),
      },
      content: stderr ? `${stdout}\n${stderr}` : stdout,
      result: { stdout, stderr, interrupted: false, isImage: false },
    };
  },
  Edit(s, size) {
    const path = filePath(s);
    const original = slice(s.rng, s.corpus.code, size);
    const oldString = slice(s.rng, s.corpus.code, s.rng.int(20, 400));
    const newString = slice(s.rng, s.corpus.code, s.rng.int(20, 400));
    const start = s.rng.int(1, 400);
    return {
      input: { file_path: path, old_string: oldString, new_string: newString },
      content:
        `The file ${path} has been updated. ` +
        `Here's the result of running \`cat -n\` on a snippet of the edited file:\n${numbered(newString, start)}`,
      result: {
        filePath: path,
        oldString,
        newString,
        originalFile: original,
        structuredPatch: [
          {
            oldStart: start,
            oldLines: oldString.split("\n").length,
            newStart: start,
            newLines: newString.split("\n").length,
            lines: [...oldString.split("\n").map((l) => `-${l}`), ...newString.split("\n").map((l) => `+${l}`)],
          },
        ],
        userModified: false,
        replaceAll: false,
      },
    };
  },
  Grep(s, size) {
    const filenames = Array.from({ length: Math.max(1, Math.round(size / 60)) }, () => filePath(s));
    return {
      input: { pattern: `${ident(s.rng)}\\(`, path: s.job.cwd, output_mode: "files_with_matches" },
      content: `Found ${filenames.length} files\n${filenames.join("\n")}`,
      result: { mode: "files_with_matches", filenames, numFiles: filenames.length },
    };
  },
  Glob(s, size) {
    const filenames = Array.from({ length: Math.max(1, Math.round(size / 60)) }, () => filePath(s));
    return {
      input: { pattern: "**/*.ts" },
      content: filenames.join("\n"),
      result: { filenames, durationMs: s.rng.int(2, 300), numFiles: filenames.length, truncated: false },
    };
  },
  TodoWrite(s) {
    const todos = Array.from({ length: s.rng.int(2, 7) }, () => ({
      content: sentence(s.rng, 3, 9),
      status: s.rng.pick(["pending", "in_progress", "completed"]),
      activeForm: sentence(s.rng, 3, 6),
    }));
    return {
      input: { todos },
      content:
        "Todos have been modified successfully. " +
        "Ensure that you continue to use the todo list to track your progress. " +
        "Please proceed with the current tasks if applicable",
      result: { oldTodos: [], newTodos: todos },
    };
  },
};
const TOOL_WEIGHTS = [
  ["Read", 35],
  ["Bash", 30],
  ["Edit", 15],
  ["Grep", 8],
  ["Glob", 5],
  ["TodoWrite", 7],
];
const TOOL_TOTAL = TOOL_WEIGHTS.reduce((n, [, w]) => n + w, 0);

function pickTool(rng) {
  let x = rng.float() * TOOL_TOTAL;
  for (const [name, w] of TOOL_WEIGHTS) {
    x -= w;
    if (x < 0) return name;
  }
  return "Read";
}

/** Size of the next tool output: log-normal, kept within the file's remaining budget. */
function resultSize(s) {
  if (s.huge.length && s.file.bytes >= s.huge[0].at) return { size: s.huge.shift().size, huge: true };
  const remaining = s.job.targetBytes - s.file.bytes;
  const drawn = s.rng.logNormal(s.job.large ? 9000 : 2500, 1.4);
  // Read and Edit carry their payload twice (numbered + raw), hence the 0.3.
  return { size: Math.max(40, Math.min(drawn, 600e3, (remaining - 2000) * 0.3)), huge: false };
}

// ---------------------------------------------------------------------------------------------
// Turns

function writeToolCall(s, msg) {
  const { size, huge } = resultSize(s);
  const name = huge ? s.rng.pick(["Read", "Bash"]) : pickTool(s.rng);
  const call = TOOLS[name](s, size);
  const id = `toolu_01${s.rng.base62(22)}`;
  const toolUse = writeAssistantBlock(s, msg, { type: "tool_use", id, name, input: call.input }, 600);
  return { toolUse, id, call };
}

function writeToolResult(s, { toolUse, id, call }) {
  writeUser(s, [{ tool_use_id: id, type: "tool_result", content: call.content }], {
    parent: toolUse,
    gapMs: 800,
    after: { toolUseResult: call.result, sourceToolAssistantUUID: toolUse },
  });
}

/** One model response: optional thinking and text blocks, then one or two tool calls. */
function writeToolStep(s) {
  const msg = newAssistantMessage(s);
  if (s.rng.chance(0.5)) {
    writeAssistantBlock(
      s,
      msg,
      {
        type: "thinking",
        thinking: slice(s.rng, s.corpus.prose, s.rng.logNormal(600, 0.8)),
        signature: base64Slice(s.rng, s.corpus.base64, s.rng.int(300, 1200)),
      },
      4000,
    );
  }
  if (s.rng.chance(0.6))
    writeAssistantBlock(s, msg, { type: "text", text: slice(s.rng, s.corpus.prose, s.rng.logNormal(250, 0.9)) });
  const calls = [writeToolCall(s, msg)];
  if (s.rng.chance(0.15)) calls.push(writeToolCall(s, msg));
  for (const c of calls) writeToolResult(s, c);
}

function promptText(s) {
  // A few sentences, sometimes with pasted code or an error message, as people type them.
  let text = Array.from({ length: s.rng.int(1, 3) }, () => sentence(s.rng, 4, 20)).join(" ");
  if (s.rng.chance(0.2))
    text += `\n\n\`\`\`\n${slice(s.rng, s.corpus.code, s.rng.logNormal(300, 1)).trimEnd()}\n\`\`\``;
  if (s.rng.chance(0.1)) text += `\n\n${s.rng.pick(NON_ASCII)} "${word(s.rng)}" C:\\tmp\\${word(s.rng)}`;
  return text;
}

function writePrompt(s) {
  const uuid = s.rng.uuid();
  if (s.job.kind === "interactive" && s.rng.chance(0.8)) {
    s.file.write({
      type: "file-history-snapshot",
      messageId: uuid,
      snapshot: { messageId: uuid, trackedFileBackups: {}, timestamp: new Date(s.t).toISOString() },
      isSnapshotUpdate: false,
    });
  }
  const text = promptText(s);
  let content = text;
  const room = (s.job.targetBytes - s.file.bytes) * 0.5;
  if (s.rng.chance(s.job.large ? 0.04 : 0.02) && room > 8000) {
    const data = base64Slice(s.rng, s.corpus.base64, Math.min(room, s.rng.logNormal(80e3, 1.2)));
    content = [
      { type: "image", source: { type: "base64", media_type: "image/png", data } },
      { text, type: "text" },
    ];
  }
  writeUser(s, content, {
    uuid,
    gapMs: s.isFirst ? 100 : 60e3,
    after: { thinkingMetadata: { level: "high", disabled: false, triggers: [] }, todos: [], permissionMode: "default" },
  });
  s.isFirst = false;
}

function writeTurn(s) {
  writePrompt(s);
  const steps = s.rng.int(0, 6);
  // A tool step costs ~3 KB of envelopes alone: stop early rather than overshoot small files.
  for (let i = 0; i < steps && s.file.bytes + 3000 < s.job.targetBytes; i++) writeToolStep(s);
  if (s.rng.chance(0.02)) {
    writeUser(s, [{ type: "text", text: "[Request interrupted by user]" }]);
    return;
  }
  const msg = newAssistantMessage(s);
  if (s.rng.chance(0.3))
    writeAssistantBlock(
      s,
      msg,
      {
        type: "thinking",
        thinking: slice(s.rng, s.corpus.prose, 300),
        signature: base64Slice(s.rng, s.corpus.base64, 600),
      },
      3000,
    );
  writeAssistantBlock(
    s,
    msg,
    { type: "text", text: slice(s.rng, s.corpus.prose, s.rng.logNormal(500, 0.9)).trim() || "Done." },
    3000,
  );
}

/** A slash command at the start: meta caveat, the command, its stdout (with ANSI escapes). */
function writeLocalCommand(s) {
  writeUser(
    s,
    "<local-command-caveat>Caveat: The messages below were generated by the user while running local commands. " +
      "DO NOT respond to these messages or otherwise consider them in your response unless the user explicitly " +
      "asks you to.</local-command-caveat>",
    { before: { isMeta: true }, gapMs: 50 },
  );
  const cmd = s.rng.pick(["model", "status", "config", "mcp"]);
  writeUser(
    s,
    `<command-name>/${cmd}</command-name>\n            <command-message>${cmd}</command-message>\n` +
      "            <command-args></command-args>",
    { gapMs: 50 },
  );
  writeUser(s, `<local-command-stdout>Set ${cmd} to \u001b[1m${word(s.rng)}\u001b[22m</local-command-stdout>`, {
    gapMs: 200,
  });
}

/** Auto-compaction: a new root (parentUuid null) pointing back through logicalParentUuid. */
function writeCompaction(s) {
  const boundary = s.rng.uuid();
  s.file.write({
    ...envelope(s, null, s.parent),
    type: "system",
    subtype: "compact_boundary",
    content: "Conversation compacted",
    isMeta: false,
    timestamp: tick(s, 2000),
    uuid: boundary,
    level: "info",
    compactMetadata: { trigger: "auto", preTokens: s.rng.int(150000, 170000) },
  });
  s.parent = boundary;
  const summary =
    "This session is being continued from a previous conversation that ran out of context. " +
    "The conversation is summarized below:\n" +
    slice(s.rng, s.corpus.prose, 6000);
  writeUser(s, summary, { before: { isVisibleInTranscriptOnly: true, isCompactSummary: true }, gapMs: 30e3 });
}

/**
 * Writes a whole transcript. `job` holds its identity (sessionId, cwd, gitBranch, version, slug,
 * model, agentId for subagent files), `kind` (interactive | print | plain), `startMs`,
 * `targetBytes`, `large`, `huge` (planned multi-MB lines) and `stream` (its PRNG stream).
 * Returns the bytes written and the last timestamp (ms), from which the file's mtime is set.
 */
export function writeTranscript(path, job, corpus, seed) {
  const rng = makeRng(seed, job.stream);
  const s = {
    rng,
    corpus,
    job,
    file: new JsonlFile(path),
    t: job.startMs,
    parent: null,
    lastMessageUuid: null,
    isFirst: true,
    huge: [...(job.huge ?? [])],
  };
  const compactEvery = job.large ? rng.int(14e6, 22e6) : Infinity;
  let nextCompaction = compactEvery;

  if (job.kind === "print") {
    const ts = new Date(s.t).toISOString();
    s.file.write({
      type: "queue-operation",
      operation: "enqueue",
      timestamp: ts,
      sessionId: job.sessionId,
      content: promptText(s),
    });
    s.file.write({ type: "queue-operation", operation: "dequeue", timestamp: ts, sessionId: job.sessionId });
  }
  if (!job.agentId && rng.chance(0.06)) {
    for (let i = rng.int(1, 3); i > 0; i--)
      s.file.write({ type: "summary", summary: sentence(rng, 3, 8), leafUuid: rng.uuid() });
  }
  if (!job.agentId && rng.chance(0.08)) writeLocalCommand(s);

  do {
    writeTurn(s);
    if (s.file.bytes >= nextCompaction) {
      writeCompaction(s);
      nextCompaction += compactEvery;
    }
  } while (s.file.bytes + 1500 < job.targetBytes);

  if (!job.agentId) {
    if (rng.chance(job.large ? 0.5 : 0.15))
      s.file.write({ type: "summary", summary: sentence(rng, 3, 8), leafUuid: s.lastMessageUuid });
    if (rng.chance(0.08))
      s.file.write({ type: "custom-title", customTitle: sentence(rng, 2, 5), sessionId: job.sessionId });
  }
  s.file.close();
  return { bytes: s.file.bytes, lastMs: s.t };
}
