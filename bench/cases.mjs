// The benchmark cases. Each entry measures "ours" (`command`) against `baseline`, interleaved,
// and is judged by `goal`: median(ours) / median(baseline) must be ≤ goal.
//
//   name       label in the table
//   prepare    (ctx) once before the case, untimed (e.g. make sure the indexes are fresh)
//   setup      (ctx) before every run of `command`, untimed (e.g. delete the indexes)
//   command    (ctx) => the command to time (see lib/measure.mjs for its shape)
//   memory     also report the peak RSS of `command`
//   verify     (ctx, state) after the warm-up run: throw if ours did not do its job
//   teardown   (ctx) after the case, also on failure (undo changes to the cached tree)
//   baseline   { name, setup?, command }
//   goal       the ratio to meet
//   info       more baselines shown for context, without a goal: [{ name, setup?, command }]
//
// ctx: { dir, projectsDir, transcripts: [{rel, bytes}], large: {rel, bytes}, rebuild(args),
//        sh(script, args), state: {} (scratch space for the case), note(text) (a line for the report) }

import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { claudeCodePlaces, settle, startStandInProcess } from "./lib/claude-code-run.mjs";
import { statWalkAddon, wasiWalkModule } from "./lib/stat-walk.mjs";
import { appendTurn, countIndexes, deleteIndexes, restoreFile, snapshotFile } from "./lib/tree-ops.mjs";

// The full argument list must fit into ARG_MAX (2 MiB here); paths are relative to projects/.
const ARG_BYTES_LIMIT = 1 << 20;

/** `cat` over every transcript, with stdout to /dev/null (or through a pipe when `piped`). */
function catAll(ctx, { piped = false } = {}) {
  const files = ctx.transcripts.map((t) => t.rel);
  const argBytes = files.reduce((n, f) => n + Buffer.byteLength(f) + 9, 0);
  const tail = piped ? " | cat > /dev/null" : " > /dev/null";
  if (argBytes < ARG_BYTES_LIMIT && !piped)
    return { file: "cat", args: ["--", ...files], cwd: ctx.projectsDir, stdout: "ignore" };
  if (argBytes < ARG_BYTES_LIMIT) return ctx.sh(`cat -- "$@"${tail}`, files, ctx.projectsDir);
  // Too many paths for one exec: xargs splits them over a few cat processes.
  const list = path.join(ctx.dir, ".bench-transcripts.list");
  fs.writeFileSync(list, files.join("\0"));
  return ctx.sh(`xargs -0 -a "$1" cat --${tail}`, [list], ctx.projectsDir);
}

const rebuildAll = (ctx) => ctx.rebuild(["rebuild", "--all"]);

/**
 * Before each run: ten new transcripts (copies of a small one under new session ids, in ten
 * projects) in place of the previous run's ten, so every run finds ten sessions it has not seen.
 */
function tenNewTranscripts(ctx) {
  removeAdded(ctx);
  const source = fs.readFileSync(path.join(ctx.projectsDir, smallTranscript(ctx).rel));
  const step = Math.floor(ctx.transcripts.length / 10);
  ctx.state.added = Array.from({ length: 10 }, (_, i) => {
    const file = path.join(
      ctx.projectsDir,
      path.dirname(ctx.transcripts[i * step].rel),
      `${crypto.randomUUID()}.jsonl`,
    );
    fs.writeFileSync(file, source, { mode: 0o600 });
    return file;
  });
}

/**
 * tenNewTranscripts, then the SessionEnd hook's worker for each of them, as Claude Code runs it once a session
 * ends (in the foreground here: the worker itself, without the launcher's wait for Claude Code).
 */
function tenSessionsEnded(ctx) {
  tenNewTranscripts(ctx);
  for (const file of ctx.state.added) {
    const input = JSON.stringify({
      session_id: path.basename(file, ".jsonl"),
      transcript_path: file,
      cwd: ctx.dir,
      hook_event_name: "SessionEnd",
      reason: "prompt_input_exit",
    });
    const r = spawnSync(process.execPath, [path.join(repo, "dist/hook.mjs"), "SessionEnd"], {
      input,
      env: { ...process.env, CLAUDE_CONFIG_DIR: ctx.dir },
      encoding: "utf8",
    });
    if (r.status !== 0 || r.stderr !== "") throw new Error(`the SessionEnd hook for ${file}: ${r.status} ${r.stderr}`);
  }
}

function removeAdded(ctx) {
  for (const file of ctx.state.added ?? []) fs.rmSync(file, { force: true });
  ctx.state.added = [];
}

/** `pick` in a 120x30 pty, timed to its first screen (the status line's "sessions"); Ctrl-C then ends it. */
function pickFirstScreen(ctx) {
  return {
    file: process.execPath,
    args: [path.join(repo, "bench/lib/first-screen.mjs"), "120", "30", "sessions", ...cliArgv(ctx, ["pick"])],
    env: { CLAUDE_CONFIG_DIR: ctx.dir },
    stdout: "ignore",
    reportsMs: true,
  };
}

/**
 * The same driver and pty, timed to the first output of a node that prints the marker as it starts: what the
 * driver, the pty and Node's start cost before any picker could show a screen.
 */
const nodeFirstScreen = {
  name: "node printing the marker at once, through the same pty driver",
  command: () => ({
    file: process.execPath,
    args: [
      path.join(repo, "bench/lib/first-screen.mjs"),
      ...["120", "30", "sessions", process.execPath, "-e", 'process.stdout.write("sessions\\n")'],
    ],
    stdout: "ignore",
    reportsMs: true,
  }),
};

function cliArgv(ctx, args) {
  const cmd = ctx.rebuild(args);
  return [cmd.file, ...cmd.args];
}

/** Claude Code's own listing: the Agent SDK's listSessions() over every project (installed into the cache). */
async function sdkListing(ctx) {
  const { installAgentSdk } = await import("../test/support/agent-sdk.mjs");
  const sdk = path.join(await installAgentSdk(), "sdk.mjs");
  return {
    file: process.execPath,
    args: [
      "--input-type=module",
      "-e",
      `const { listSessions } = await import(${JSON.stringify(sdk)}); await listSessions({});`,
    ],
    env: { CLAUDE_CONFIG_DIR: ctx.dir },
    stdout: "ignore",
  };
}

const repo = path.resolve(import.meta.dirname, "..");
const nodeE0 = { name: "node -e 0", command: () => ({ file: process.execPath, args: ["-e", "0"] }) };

/** A `claude` that exits at once, alone in a directory, for timing the shim in front of it. */
function stubClaudeDir(ctx) {
  const dir = path.join(ctx.dir, ".bench-stub-bin");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "claude"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  return dir;
}

/** bin/claude in front of the stub, on the benchmark tree (`checkMinutes` 0: check every launch). */
function shimLaunch(ctx, checkMinutes) {
  const env = {
    CLAUDE_CONFIG_DIR: ctx.dir,
    PATH: `${path.join(repo, "bin")}:${stubClaudeDir(ctx)}:${process.env.PATH}`,
    CLAUDE_REINDEX_CHECK_MINUTES: String(checkMinutes),
  };
  return { file: path.join(repo, "bin/claude"), args: ["-p", "hi"], env };
}

/**
 * Node doing only what any check of every transcript must: list the tree, either with one find (as
 * the signature is taken) or with a readdir per project and an lstat per transcript.
 */
function nodeFloor(ctx, how) {
  const script =
    how === "find"
      ? `require("child_process").spawnSync("find", ${JSON.stringify([
          "-H",
          ctx.projectsDir,
          "-mindepth",
          "1",
          "-maxdepth",
          "2",
          "-name",
          "*.jsonl",
          "-printf",
          "%y %i %s %T@ %P\\0",
        ])}, { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 });`
      : `const fs = require("fs"); const root = ${JSON.stringify(ctx.projectsDir)};
         for (const d of fs.readdirSync(root)) for (const f of fs.readdirSync(root + "/" + d))
           if (f.endsWith(".jsonl")) fs.lstatSync(root + "/" + d + "/" + f);`;
  return { file: process.execPath, args: ["-e", script] };
}

/**
 * nodeFloor's walk done in C from inside Node (lib/stat-walk.c, a Node-API addon), with every project's
 * stamp read as well when `stamps`: where this machine's floor lies for a check that runs no JavaScript per
 * file. A row only where the addon builds (a C compiler, and the headers of this Node); called when the case runs.
 */
function nativeFloorRows(stamps) {
  const addon = statWalkAddon(path.join(repo, ".bench"));
  if (addon === null) return [];
  const walk = (ctx) => `require(${JSON.stringify(addon)}).walk(${JSON.stringify(ctx.projectsDir)});`;
  return [walkFloorRow("in C (an addon)", walk, stamps)];
}

/**
 * The same walk in WebAssembly through node:wasi (lib/wasi-walk.c): Node's own code per file, not JavaScript,
 * with nothing to compile where claude-reindex is installed. It pays for loading node:wasi (whose warning it
 * silences, as a product would) and for compiling the module. A row only where clang builds it.
 */
function wasiFloorRows(stamps) {
  const wasm = wasiWalkModule(path.join(repo, ".bench"));
  if (wasm === null) return [];
  const walk = (ctx) => `process.removeAllListeners("warning"); const { WASI } = require("node:wasi");
    const wasi = new WASI({ version: "preview1", preopens: { "/": ${JSON.stringify(ctx.projectsDir)} } });
    const module = new WebAssembly.Module(require("fs").readFileSync(${JSON.stringify(wasm)}));
    const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport });
    wasi.initialize(instance); if (instance.exports.walk() < 0) throw new Error("the walk failed");`;
  return [walkFloorRow("in WebAssembly (node:wasi)", walk, stamps)];
}

/** A floor row: node running `walk` (ctx => script), then reading every project's stamp when `stamps`. */
function walkFloorRow(how, walk, stamps) {
  const name = `floor: node with a readdir and an lstat per transcript ${how}`;
  const command = (ctx) => {
    const verified = JSON.stringify(path.join(ctx.dir, "claude-reindex", "verified"));
    const reads = `const fs = require("fs"); const v = ${verified};
      for (const n of fs.readdirSync(v)) fs.readFileSync(v + "/" + n);`;
    return { file: process.execPath, args: ["-e", stamps ? walk(ctx) + reads : walk(ctx)] };
  };
  return { name: stamps ? `${name}, then every project's stamp read` : name, command };
}

const shimSignature = (ctx) => path.join(ctx.dir, "claude-reindex", "tree-signature");

/** The shim's check without a signature: the listing and the stat pass, as the first check after install has it. */
function dropShimSignature(ctx) {
  fs.rmSync(shimSignature(ctx), { force: true });
}

const signatureBefore = (ctx) => path.join(ctx.dir, ".bench-signature-before");
const checkStamp = (ctx) => path.join(ctx.dir, "claude-reindex", "shim-checked");
/** The transcript whose turn the signature misses, and its mtime before the case. */
let turnTaker = null;

/**
 * Before each round: a signature that one transcript has changed since (its mtime a minute after its
 * index's, within the stale hours), as after a session without the hooks or one killed before its SessionEnd hook.
 */
function signatureBeforeATurn(ctx) {
  restoreSignature(ctx);
  const transcript = path.join(ctx.projectsDir, turnTaker.rel);
  const turn = fs.statSync(path.join(path.dirname(transcript), "sessions-index.json")).mtimeMs / 1000 + 60;
  fs.utimesSync(transcript, turn, turn);
}

/**
 * Before each round: the signature the prepare step saved, and one project's index rewritten since (a new
 * file with the same bytes and mtime), as Claude Code 2.1.29 rewrites it, or a Stop hook of a session killed
 * before its SessionEnd hook.
 */
function indexRewrittenSinceTheSignature(ctx) {
  restoreSignature(ctx);
  const index = path.join(ctx.projectsDir, path.dirname(ctx.transcripts[0].rel), "sessions-index.json");
  const { atime, mtime } = fs.statSync(index);
  fs.copyFileSync(index, `${index}.bench`);
  fs.utimesSync(`${index}.bench`, atime, mtime);
  fs.renameSync(`${index}.bench`, index);
}

/**
 * The prepare step of a case that starts each round from a signature: two rebuilds (the first may write
 * indexes; the second finds every one verified and saves the shim's signature), and that signature set aside.
 */
function saveSignatureAside(ctx) {
  ctx.runOnce(rebuildAll(ctx));
  ctx.runOnce(rebuildAll(ctx));
  fs.copyFileSync(shimSignature(ctx), signatureBefore(ctx));
}

/** Before a round: the signature set aside, and a mark in the check stamp that only a Node check rewrites. */
function restoreSignature(ctx) {
  fs.copyFileSync(signatureBefore(ctx), shimSignature(ctx));
  fs.writeFileSync(checkStamp(ctx), "bench\n");
}

/** Whether the round's check ran Node: it rewrote restoreSignature's mark. */
const nodeChecked = (ctx) => fs.readFileSync(checkStamp(ctx), "utf8") !== "bench\n";

/** After the case: neither the signature set aside nor the shim's. */
function dropSignatures(ctx) {
  fs.rmSync(signatureBefore(ctx), { force: true });
  dropShimSignature(ctx);
}

/**
 * A second config root beside the tree whose `projects` links to the tree's, with the keep guard on:
 * the shim's check with the guard against the same check without it, side by side.
 */
function guardedRoot(ctx) {
  const root = path.join(ctx.dir, ".bench-guarded");
  fs.mkdirSync(path.join(root, "claude-reindex"), { recursive: true });
  if (!fs.existsSync(path.join(root, "projects"))) fs.symlinkSync(ctx.projectsDir, path.join(root, "projects"));
  fs.writeFileSync(
    path.join(root, "claude-reindex", "installed.json"),
    '{"bench":{"createdFile":false,"hooksKey":false,"events":[],"keepSessions":true}}\n',
  );
  return root;
}

/** The Stop hook of one transcript, as Claude Code runs it after a turn. */
function stopHook(ctx, rel) {
  const transcript = path.join(ctx.projectsDir, rel);
  const input = JSON.stringify({
    session_id: path.basename(rel, ".jsonl"),
    transcript_path: transcript,
    cwd: "/",
    hook_event_name: "Stop",
    stop_hook_active: false,
    last_assistant_message: "Done.",
  });
  return { file: path.join(repo, "hooks/stop"), args: [], env: { CLAUDE_CONFIG_DIR: ctx.dir }, input };
}

/** The transcript closest to 10 KB: the "tiny" side of the Stop hook comparison. */
function smallTranscript(ctx) {
  return ctx.transcripts.reduce((best, t) => (Math.abs(t.bytes - 10_000) < Math.abs(best.bytes - 10_000) ? t : best));
}

/** Appends a turn before each run and puts the file back afterwards, as the append case does. */
function appendingTo(ctx, key, rel) {
  ctx.state[key] ??= snapshotFile(path.join(ctx.projectsDir, rel));
  appendTurn(ctx.state[key].file);
}

function restoreAppended(ctx, keys) {
  for (const key of keys) {
    if (!ctx.state[key]) continue;
    restoreFile(ctx.state[key]);
    fs.rmSync(path.join(path.dirname(ctx.state[key].file), "sessions-index.json"), { force: true });
  }
  fs.rmSync(path.join(ctx.dir, "claude-reindex"), { recursive: true, force: true });
}

/** The release the hooks are timed in: the latest, or CLAUDE_REINDEX_BENCH_CLAUDE_CODE. */
const CLAUDE_CODE = process.env.CLAUDE_REINDEX_BENCH_CLAUDE_CODE || "2.1.332";

/** Our hooks inside a real `claude -p`: what a user feels, against the same run without them. */
const claudeWithHooks = {
  name: `claude -p with hooks / without (real Claude Code ${CLAUDE_CODE})`,
  async prepare(ctx) {
    ctx.state.api = await startStandInProcess();
    const places = await claudeCodePlaces(path.join(ctx.dir, ".bench-claude-p"), CLAUDE_CODE, ctx.state.api.url);
    ctx.state.places = places;
    ctx.runOnce({
      file: path.join(repo, "bin/claude-reindex"),
      args: ["install"],
      env: { CLAUDE_CONFIG_DIR: places.with },
    });
  },
  command: (ctx) => ctx.state.places.command(ctx.state.places.with, ["-p", "hi"]),
  async verify(ctx) {
    const behind = await settle(ctx.state.places.with, 2_000);
    if (behind.length > 0)
      throw new Error(`sessions not in the index 2 s after claude -p exited: ${behind.join(", ")}`);
  },
  async teardown(ctx) {
    const { places, api } = ctx.state;
    if (places) {
      // Every session of every run: its entry current within 2 s of the last exit.
      const behind = await settle(places.with, 2_000);
      if (behind.length > 0)
        ctx.warn(`${behind.length} sessions not current in the index 2 s after the last claude -p`);
    }
    api?.stop();
  },
  baseline: {
    name: "claude -p without hooks",
    command: (ctx) => ctx.state.places.command(ctx.state.places.without, ["-p", "hi"]),
  },
  goal: 1.15,
};

/** bin/claude's find of the tree (list_tree), as sh runs it, over "$1". */
const SHIM_FIND =
  `find -H "$1" -mindepth 1 -maxdepth 2 \\( -name '*.jsonl' -o -name sessions-index.json \\) ` +
  `-printf '%y %i %s %T@ %P\\0' -o \\( -type d -o -type l \\) -printf '%y %P\\0'`;

/**
 * What any check that starts Node after listing the tree costs at least: the shim's find, in sh, then
 * `node -e 0`. A check without a signature can answer from nothing less.
 */
const findThenNode = {
  name: "floor: sh running the shim's find of the tree, then node -e 0",
  command: (ctx) => ({
    file: "/bin/sh",
    args: ["-c", `${SHIM_FIND} >/dev/null; exec "$2" -e 0`, "sh", ctx.projectsDir, process.execPath],
  }),
};

/**
 * What a check without a signature must at least read once it has listed the tree: the shim's find into a
 * file, then Node reading that listing and every project's verified stamp, without parsing either.
 */
const findThenNodeReads = {
  name: "floor: sh running the shim's find into a file, then node reading it and every project's stamp",
  command: (ctx) => ({
    file: "/bin/sh",
    args: [
      "-c",
      `${SHIM_FIND} >"$3"; exec "$2" -e "$5" "$3" "$4"`,
      "sh",
      ctx.projectsDir,
      process.execPath,
      path.join(ctx.dir, ".bench-floor-listing"),
      path.join(ctx.dir, "claude-reindex", "verified"),
      `const fs = require("fs"); fs.readFileSync(process.argv[1]);
       for (const name of fs.readdirSync(process.argv[2])) fs.readFileSync(\`\${process.argv[2]}/\${name}\`);`,
    ],
  }),
};

/**
 * What a check answered by the signature costs at least: the shim's find into a file, in sh (without
 * the shim's `timeout`), `cmp` with the signature, then the stub claude.
 */
const findCmpStub = {
  name: "floor: sh running the shim's find into a file, cmp with the signature, then the stub claude",
  command: (ctx) => ({
    file: "/bin/sh",
    args: [
      "-c",
      `IFS= read -r header <"$3"; { printf '%s\\n' "$header"; ${SHIM_FIND}; } >"$4"; ` +
        `cmp -s "$4" "$3" || exit 1; exec "$2" -p hi`,
      "sh",
      ctx.projectsDir,
      path.join(stubClaudeDir(ctx), "claude"),
      shimSignature(ctx),
      path.join(ctx.dir, ".bench-floor-listing"),
    ],
  }),
};

const stubDirectly = {
  name: "the stub claude, directly",
  command: (ctx) => ({ file: path.join(stubClaudeDir(ctx), "claude"), args: ["-p", "hi"] }),
};

export const cases = [
  {
    name: "cold rebuild --all",
    setup: (ctx) => deleteIndexes(ctx.dir),
    command: rebuildAll,
    memory: true,
    verify(ctx) {
      if (countIndexes(ctx.dir) === 0) throw new Error("rebuild --all exited 0 but wrote no sessions-index.json");
    },
    baseline: { name: "cat <every transcript> > /dev/null", command: (ctx) => catAll(ctx) },
    goal: 3,
    info: [{ name: "cat <every transcript> | cat > /dev/null", command: (ctx) => catAll(ctx, { piped: true }) }],
  },
  {
    name: "second rebuild --all, nothing changed",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    command: rebuildAll,
    baseline: { name: "node -e 0", command: () => ({ file: process.execPath, args: ["-e", "0"] }) },
    goal: 1.5,
    // The floor of any Node command that must look at every transcript to see an append. A getter: the
    // row in C compiles its addon only when this case runs.
    get info() {
      return [
        {
          name: "floor: node with one find of the tree (spawnSync, output kept)",
          command: (ctx) => nodeFloor(ctx, "find"),
        },
        { name: "floor: node with a readdir and an lstat per transcript", command: (ctx) => nodeFloor(ctx, "lstat") },
        ...nativeFloorRows(false),
        ...wasiFloorRows(false),
      ];
    },
  },
  {
    name: "rebuild --all after one turn appended to a ≥60 MB transcript",
    prepare(ctx) {
      ctx.state.snapshot = snapshotFile(path.join(ctx.projectsDir, ctx.large.rel));
      ctx.runOnce(rebuildAll(ctx));
    },
    setup(ctx) {
      ctx.state.appended = appendTurn(ctx.state.snapshot.file);
    },
    command: rebuildAll,
    verify(ctx) {
      // The standard index format: the entry's `modified` is the new leaf's timestamp.
      const index = path.join(path.dirname(ctx.state.snapshot.file), "sessions-index.json");
      const id = path.basename(ctx.state.snapshot.file, ".jsonl");
      const entry = JSON.parse(fs.readFileSync(index, "utf8")).entries?.find((e) => e.sessionId === id);
      if (entry?.modified !== ctx.state.appended.timestamp) {
        ctx.warn(
          `after the append, the index entry of ${id} has modified=${entry?.modified}, ` +
            `expected ${ctx.state.appended.timestamp}`,
        );
      }
    },
    teardown(ctx) {
      // Keep the cached tree byte-identical; drop the index that described the longer file.
      if (!ctx.state.snapshot) return;
      restoreFile(ctx.state.snapshot);
      fs.rmSync(path.join(path.dirname(ctx.state.snapshot.file), "sessions-index.json"), { force: true });
      fs.rmSync(path.join(ctx.dir, "claude-reindex"), { recursive: true, force: true });
    },
    baseline: { name: "second rebuild --all, nothing changed", command: rebuildAll },
    goal: 2,
  },
  {
    name: "Stop hook after one more turn in a ≥60 MB transcript",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    setup: (ctx) => appendingTo(ctx, "large", ctx.large.rel),
    command: (ctx) => stopHook(ctx, ctx.large.rel),
    baseline: {
      name: "Stop hook after one more turn in a ~10 KB transcript",
      setup: (ctx) => appendingTo(ctx, "small", smallTranscript(ctx).rel),
      command: (ctx) => stopHook(ctx, smallTranscript(ctx).rel),
    },
    goal: 1.5,
    teardown: (ctx) => restoreAppended(ctx, ["large", "small"]),
  },
  {
    name: "Stop hook after one more turn in a ≥60 MB transcript (against Node)",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    setup: (ctx) => appendingTo(ctx, "large", ctx.large.rel),
    command: (ctx) => stopHook(ctx, ctx.large.rel),
    baseline: nodeE0,
    goal: 2,
    teardown: (ctx) => restoreAppended(ctx, ["large"]),
  },
  {
    name: "Stop hook after one more turn in a ~10 KB transcript (against Node)",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    setup: (ctx) => appendingTo(ctx, "small", smallTranscript(ctx).rel),
    command: (ctx) => stopHook(ctx, smallTranscript(ctx).rel),
    baseline: nodeE0,
    goal: 2,
    teardown: (ctx) => restoreAppended(ctx, ["small"]),
  },
  {
    name: "list --all (5,000 sessions, indexes fresh)",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    command: (ctx) => ({ ...ctx.rebuild(["list", "--all", "--json"]), stdout: "ignore" }),
    baseline: nodeE0,
    goal: 2,
  },
  {
    name: "list --all --json, 5,000 sessions, 10 transcripts added since the last run",
    prepare: async (ctx) => {
      ctx.runOnce(rebuildAll(ctx));
      ctx.runOnce({ ...ctx.rebuild(["list", "--all", "--json"]) });
      ctx.state.sdk = await sdkListing(ctx);
    },
    setup: tenNewTranscripts,
    command: (ctx) => ({ ...ctx.rebuild(["list", "--all", "--json"]), stdout: "ignore" }),
    baseline: nodeE0,
    goal: 2,
    info: [
      {
        name: "Agent SDK 0.3.332 listSessions() over the same tree (Claude Code's own listing)",
        command: (ctx) => ctx.state.sdk,
      },
    ],
    teardown: removeAdded,
  },
  {
    name: "pick to its first screen (120x30 pty), 5,000 sessions, 10 transcripts added since the last run",
    prepare: (ctx) => ctx.runOnce({ ...ctx.rebuild(["list", "--all", "--json"]) }),
    setup: tenNewTranscripts,
    command: pickFirstScreen,
    // Both sides to their first screen, through the same driver and pty (until this stop, the row timed the
    // driver's whole run, its own Node start and pick's exit after Ctrl-C included, against a bare node -e 0).
    baseline: nodeFirstScreen,
    goal: 2,
    info: [
      {
        name: "the same, after the ten sessions' SessionEnd hooks (what a user of the hooks sees)",
        setup: tenSessionsEnded,
        command: pickFirstScreen,
      },
      nodeE0,
    ],
    teardown: removeAdded,
  },
  {
    name: "shim launching a stub claude, nothing stale, checked recently (most launches)",
    prepare: (ctx) => {
      ctx.runOnce(rebuildAll(ctx));
      ctx.runOnce(shimLaunch(ctx, 0));
    },
    command: (ctx) => shimLaunch(ctx, 15),
    baseline: nodeE0,
    goal: 1.2,
    info: [stubDirectly],
  },
  {
    name: "shim launching a stub claude, check due, keep guard on (sessions already kept)",
    prepare: (ctx) => {
      ctx.runOnce(rebuildAll(ctx));
      ctx.runOnce({ ...shimLaunch(ctx, 0), env: { ...shimLaunch(ctx, 0).env, CLAUDE_CONFIG_DIR: guardedRoot(ctx) } });
    },
    command: (ctx) => ({
      ...shimLaunch(ctx, 0),
      env: { ...shimLaunch(ctx, 0).env, CLAUDE_CONFIG_DIR: guardedRoot(ctx) },
    }),
    baseline: {
      name: "the same check, keep guard off",
      setup: dropShimSignature,
      command: (ctx) => shimLaunch(ctx, 0),
    },
    goal: 1.5,
  },
  {
    name: "shim launching a stub claude, check due, a turn since the signature (no hooks, or a killed session)",
    prepare: (ctx) => {
      saveSignatureAside(ctx);
      const rel = ctx.transcripts[0].rel;
      turnTaker = { rel, mtime: fs.statSync(path.join(ctx.projectsDir, rel)).mtime };
    },
    setup: signatureBeforeATurn,
    command: (ctx) => shimLaunch(ctx, 0),
    verify(ctx) {
      if (nodeChecked(ctx)) throw new Error("the shim's check started Node");
    },
    teardown: (ctx) => {
      fs.utimesSync(path.join(ctx.projectsDir, turnTaker.rel), turnTaker.mtime, turnTaker.mtime);
      dropSignatures(ctx);
    },
    baseline: nodeE0,
    goal: 1.5,
    info: [stubDirectly],
  },
  {
    name: "shim launching a stub claude, check due, an index rewritten since the signature (2.1.29, a killed session)",
    prepare: saveSignatureAside,
    setup: indexRewrittenSinceTheSignature,
    command: (ctx) => shimLaunch(ctx, 0),
    verify(ctx) {
      if (!nodeChecked(ctx)) throw new Error("the shim's check did not run Node");
      if (fs.readFileSync(shimSignature(ctx)).equals(fs.readFileSync(signatureBefore(ctx))))
        throw new Error("the shim's check found an index stale: the signature was not renewed");
    },
    teardown: dropSignatures,
    baseline: nodeE0,
    goal: 1.5,
    info: [stubDirectly, findThenNode],
  },
  {
    name: "shim launching a stub claude, nothing stale, check due, no signature (the first check after install)",
    prepare: (ctx) => ctx.runOnce(rebuildAll(ctx)),
    setup: dropShimSignature,
    command: (ctx) => shimLaunch(ctx, 0),
    baseline: nodeE0,
    goal: 1.5,
    get info() {
      return [stubDirectly, findThenNode, findThenNodeReads, ...nativeFloorRows(true), ...wasiFloorRows(true)];
    },
  },
  {
    name: "shim launching a stub claude, check due, nothing changed since the last session ended (signature)",
    prepare: (ctx) => {
      // Two runs: the first may write indexes; the second finds every one verified and saves the signature,
      // as the SessionEnd hook does once Claude Code has exited.
      ctx.runOnce(rebuildAll(ctx));
      ctx.runOnce(rebuildAll(ctx));
    },
    command: (ctx) => shimLaunch(ctx, 0),
    verify(ctx) {
      if (!fs.existsSync(shimSignature(ctx))) throw new Error("the shim's check found a change: no signature");
    },
    baseline: nodeE0,
    goal: 1.5,
    info: [findCmpStub, stubDirectly],
  },
  claudeWithHooks,
];

// ---------------------------------------------------------------------------------------------
// search

const searchIndexFile = (ctx) => path.join(ctx.dir, "claude-reindex", "search.sqlite");

/** The transcripts as a NUL-separated list file, for xargs (too many paths for one exec). */
function transcriptList(ctx) {
  const list = path.join(ctx.dir, ".bench-transcripts.list");
  fs.writeFileSync(list, ctx.transcripts.map((t) => t.rel).join("\0"));
  return list;
}

let uniquePhrase = null;

/**
 * Five words of a prompt in the middle of some transcript that `grep -F` finds in that one
 * transcript only (checked), plain ASCII letters so that the raw JSON bytes hold them as typed.
 */
function phraseInOneTranscript(ctx) {
  if (uniquePhrase) return uniquePhrase;
  const list = transcriptList(ctx);
  const sorted = [...ctx.transcripts].sort((a, b) => a.bytes - b.bytes);
  for (let k = 0; k < 12; k++) {
    const t = sorted[Math.floor(sorted.length * (0.3 + k * 0.05))];
    const lines = fs.readFileSync(path.join(ctx.projectsDir, t.rel), "utf8").split("\n");
    const prompts = lines
      .slice(Math.floor(lines.length / 3))
      .map((l) => {
        try {
          const r = JSON.parse(l);
          return r.type === "user" && typeof r.message?.content === "string" ? r.message.content : null;
        } catch {
          return null;
        }
      })
      .filter(Boolean);
    for (const prompt of prompts) {
      const run = prompt.match(/(?:\b[A-Za-z]{3,}\b ){4}\b[A-Za-z]{3,}\b/);
      if (!run) continue;
      const r = spawnSync("sh", ["-c", 'xargs -0 -a "$1" grep -lF -- "$2"', "sh", list, run[0]], {
        cwd: ctx.projectsDir,
        encoding: "utf8",
      });
      const files = r.stdout.split("\n").filter(Boolean);
      if (files.length === 1 && files[0] === t.rel) {
        uniquePhrase = { phrase: run[0], rel: t.rel };
        return uniquePhrase;
      }
      break; // try another transcript
    }
  }
  throw new Error("found no five-word phrase that occurs in exactly one transcript");
}

const searchCommand = (ctx) => ({
  ...ctx.rebuild(["search", "--json", ...phraseInOneTranscript(ctx).phrase.split(" ")]),
  stdout: "ignore",
});

function verifySearch(ctx) {
  const { rel } = phraseInOneTranscript(ctx);
  const cmd = searchCommand(ctx);
  const r = spawnSync(cmd.file, cmd.args, { env: { ...process.env, ...cmd.env }, encoding: "utf8" });
  const rows = JSON.parse(r.stdout || "[]");
  if (rows[0]?.fullPath !== path.join(ctx.projectsDir, rel))
    throw new Error(`search did not rank ${rel} first: ${r.stdout.slice(0, 300)} ${r.stderr}`);
  const indexBytes = fs.statSync(searchIndexFile(ctx)).size;
  const transcriptBytes = ctx.transcripts.reduce((n, t) => n + t.bytes, 0);
  ctx.note(
    `search index: ${(indexBytes / 1e6).toFixed(1)} MB for ${(transcriptBytes / 1e9).toFixed(2)} GB of transcripts ` +
      `(${((100 * indexBytes) / transcriptBytes).toFixed(2)}%; prompts and replies only, without --tools); ` +
      `query: "${phraseInOneTranscript(ctx).phrase}", found in ${rel} only`,
  );
}

const grepPhrase = {
  name: "grep -lF <phrase> <every transcript>",
  command: (ctx) => ({
    ...ctx.sh(
      // xargs exits 123 when a grep of some batch found nothing: expected, the phrase is in one file.
      'xargs -0 -a "$1" grep -lF -- "$2"; s=$?; [ $s -eq 0 ] || [ $s -eq 123 ]',
      [transcriptList(ctx), phraseInOneTranscript(ctx).phrase],
      ctx.projectsDir,
    ),
    stdout: "ignore",
  }),
};

cases.push(
  {
    name: "search, warm: a phrase found in one transcript",
    prepare: (ctx) => ctx.runOnce(searchCommand(ctx)),
    command: searchCommand,
    verify: verifySearch,
    baseline: grepPhrase,
    goal: 0.2,
    info: [
      nodeE0,
      {
        name: "plain parallel scan: Node, 2 threads, Buffer.indexOf of the phrase in every transcript",
        command: (ctx) => ({
          file: process.execPath,
          args: [
            path.join(repo, "bench/lib/parallel-scan.mjs"),
            transcriptList(ctx),
            phraseInOneTranscript(ctx).phrase,
          ],
          cwd: ctx.projectsDir,
          stdout: "ignore",
        }),
      },
    ],
  },
  {
    name: "search, cold: the first search builds the index",
    setup: (ctx) => fs.rmSync(searchIndexFile(ctx), { force: true }),
    command: searchCommand,
    memory: true,
    baseline: { name: "cat <every transcript> > /dev/null", command: (ctx) => catAll(ctx) },
    goal: null,
    teardown: (ctx) => fs.rmSync(path.join(ctx.dir, "claude-reindex"), { recursive: true, force: true }),
  },
);
