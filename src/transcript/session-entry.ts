// The index entry Claude Code 2.1.29 writes for a transcript, derived from its parse state: the main
// chain (the newest leaf and its ancestors) and the fields taken from it, in 2.1.29's key order.
import { nestingDepth } from "../system/json-text.ts";
import { type MessageNode, NULL_KEY } from "./transcript-record.ts";
import type { SessionMetadata, TranscriptState } from "./transcript-state.ts";

/**
 * One entry of `sessions-index.json`, keys in the order Claude Code 2.1.29 writes them. Values
 * Claude Code copies from the transcript as they are (timestamps, cwd, branch) stay `unknown`
 * here: a malformed transcript gives a malformed entry in Claude Code too, and we match it.
 */
export interface SessionEntry extends SessionMetadata {
  sessionId: string;
  fullPath: string;
  fileMtime: number;
  firstPrompt: string;
  summary?: unknown;
  messageCount: number;
  created?: unknown;
  modified?: unknown;
  gitBranch?: unknown;
  projectPath?: unknown;
  isSidechain: unknown;
}

/** The keys of an entry that the derivation owns; any other key on an entry is somebody else's. */
export const ENTRY_KEYS = [
  "sessionId",
  "fullPath",
  "fileMtime",
  "firstPrompt",
  "customTitle",
  "summary",
  "tag",
  "agentName",
  "agentColor",
  "prNumber",
  "prUrl",
  "prRepository",
  "messageCount",
  "created",
  "modified",
  "gitBranch",
  "projectPath",
  "isSidechain",
] as const;

export type EntryKey = (typeof ENTRY_KEYS)[number];

export type Derivation =
  | { kind: "entry"; entry: SessionEntry }
  /** Claude Code writes no entry for this transcript (no messages, no conversation). */
  | { kind: "no-entry"; reason: string }
  /** Claude Code's own derivation throws on this transcript, so it shows no entry for it. */
  | { kind: "fails"; reason: string };

export interface TranscriptFile {
  sessionId: string;
  path: string;
  mtime: number;
}

const NO_PROMPT = "No prompt";

/**
 * A value the entry copies (a branch, a timestamp, a title) nested deeper than this is a transcript
 * Claude Code cannot index: its JSON.stringify of the index overflows the stack long before 10,000
 * levels, and fails the whole write. We leave that one entry out instead (the rest of the index is
 * written), and a pretty-printed value that deep would cost gigabytes of indentation anyway.
 */
export const MAX_VALUE_DEPTH = 1000;

function isConversational(node: MessageNode): boolean {
  return node.type === "user" || node.type === "assistant";
}

function timeOf(node: MessageNode): number {
  return new Date(node.timestamp as string).getTime();
}

/**
 * The entry Claude Code 2.1.29 writes for a transcript, derived from its parsed state:
 * leaves → leaf messages → the newest leaf's chain → fields.
 */
export function deriveEntry(state: TranscriptState, file: TranscriptFile): Derivation {
  const nodes = [...state.nodes.values()];
  if (nodes.length === 0) return { kind: "no-entry", reason: "no messages" };

  const leafMessages = findLeafMessages(state, nodes);
  const chain = mainChain(state, nodes, leafMessages);
  if (chain === null) return { kind: "no-entry", reason: "no user or assistant message" };

  const firstPrompt = firstPromptOf(chain);
  if (firstPrompt === null)
    return { kind: "fails", reason: "a user message Claude Code cannot read (null block or non-text content)" };
  const messageCount = messageCountOf(chain);
  if (messageCount === null)
    return { kind: "fails", reason: "a message Claude Code cannot count (null content block)" };

  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  const lastConversational = [...chain].reverse().find(isConversational);
  const { metadata } = state;
  // Keys in the order 2.1.29 writes them, ENTRY_KEYS's order (test/unit/record-keys.test.ts compares them).
  const entry: Record<string, unknown> = {
    sessionId: file.sessionId,
    fullPath: file.path,
    fileMtime: file.mtime,
    firstPrompt,
    customTitle: metadata.customTitle,
    summary: lastConversational ? state.summaries.get(lastConversational.key) : undefined,
    tag: metadata.tag,
    agentName: metadata.agentName,
    agentColor: metadata.agentColor,
    prNumber: metadata.prNumber,
    prUrl: metadata.prUrl,
    prRepository: metadata.prRepository,
    messageCount,
    created: first.timestamp,
    modified: last.timestamp,
    gitBranch: last.gitBranch,
    projectPath: first.cwd,
    isSidechain: first.isSidechain ?? false,
  } satisfies Record<EntryKey, unknown>;
  for (const key of Object.keys(entry)) {
    if (entry[key] === undefined) delete entry[key];
    else if (nestingDepth(entry[key], MAX_VALUE_DEPTH + 1) > MAX_VALUE_DEPTH)
      return { kind: "fails", reason: `its ${key} is nested more than ${MAX_VALUE_DEPTH} levels deep` };
  }
  return { kind: "entry", entry: entry as unknown as SessionEntry };
}

/**
 * Keys of the leaf messages: from every record nobody names as parent, the first user or
 * assistant record up its parent chain. Claude Code loops forever on a parent cycle made only of
 * other records; we stop at the first repeat instead.
 */
function findLeafMessages(state: TranscriptState, nodes: MessageNode[]): Set<string> {
  const parents = new Set<string>();
  for (const node of nodes) if (node.parentKey !== NULL_KEY) parents.add(node.parentKey);
  const leafMessages = new Set<string>();
  for (const leaf of nodes) {
    if (parents.has(leaf.key)) continue;
    const seen = new Set<MessageNode>();
    for (let node: MessageNode | undefined = leaf; node && !seen.has(node); ) {
      if (isConversational(node)) {
        leafMessages.add(node.key);
        break;
      }
      seen.add(node);
      node = node.followsParent ? state.nodes.get(node.parentKey) : undefined;
    }
  }
  return leafMessages;
}

/**
 * The newest leaf message (first in file order on a tie) with its ancestors, root first, then its
 * direct children that are not leaf messages, oldest first.
 */
function mainChain(state: TranscriptState, nodes: MessageNode[], leafMessages: Set<string>): MessageNode[] | null {
  const candidates = nodes.filter((node) => leafMessages.has(node.key));
  if (candidates.length === 0) return null;
  const newest = candidates.sort((a, b) => timeOf(b) - timeOf(a))[0]!;

  const chain: MessageNode[] = [];
  const seen = new Set<MessageNode>();
  for (let node: MessageNode | undefined = newest; node && !seen.has(node); ) {
    seen.add(node);
    chain.push(node);
    node = node.followsParent ? state.nodes.get(node.parentKey) : undefined;
  }
  chain.reverse();

  const children = nodes
    .filter((node) => node.parentKey === newest.key && !leafMessages.has(node.key))
    .sort((a, b) => timeOf(a) - timeOf(b));
  // One by one, not push(...children): a message can have more children than a call takes arguments.
  for (const child of children) chain.push(child);
  return chain;
}

/** `null` when Claude Code would throw before it finds the prompt. */
function firstPromptOf(chain: MessageNode[]): string | null {
  for (const node of chain) {
    if (node.prompt.kind === "fails") return null;
    if (node.prompt.kind === "prompt") return node.prompt.text;
  }
  return NO_PROMPT;
}

/** `null` when Claude Code would throw while counting. */
function messageCountOf(chain: MessageNode[]): number | null {
  let count = 0;
  for (const node of chain) {
    if (node.counted === "fails") return null;
    count += node.counted;
  }
  return count;
}
