// The parse state of one transcript: what the derivation needs of it, built line by line and resumable
// after the bytes it has read (transcripts are append-only).
import {
  classifyRecord,
  isMessageType,
  KeyMaker,
  type MessageNode,
  messageNode,
  SESSION_METADATA_KEYS,
  type SessionMetadataKey,
  type SessionMetadataType,
  type TranscriptRecord,
} from "./transcript-record.ts";

/** Values from the last metadata record of each kind whose `sessionId` is this session's. */
export type SessionMetadata = Partial<Record<SessionMetadataKey, unknown>>;

/**
 * Everything the index derivation needs from a transcript, built line by line. Transcripts are
 * append-only, so a state saved after N bytes can be resumed with the bytes that follow.
 */
export class TranscriptState {
  /** Message records by uuid identity; a uuid seen again replaces the record in place. */
  readonly nodes = new Map<string, MessageNode>();
  /** `summary` records by `leafUuid` identity. */
  readonly summaries = new Map<string, unknown>();
  readonly metadata: SessionMetadata = {};
  /**
   * Claude Code stops reading a transcript at a line that is JSON `null` (it reads `.type` of it
   * inside one try block); everything after that line is ignored.
   */
  halted = false;
  readonly keys: KeyMaker;

  constructor(
    readonly sessionId: string,
    nextObjectKey = 0,
  ) {
    this.keys = new KeyMaker(nextObjectKey);
  }

  /** Applies one parsed JSON value, a line of the transcript. */
  apply(value: unknown): void {
    if (this.halted) return;
    if (value === null) {
      this.halted = true;
      return;
    }
    const record = classifyRecord(value);
    if (record === null) return;
    if (isMessageType(record.type)) {
      const node = messageNode(record, this.keys);
      this.nodes.set(node.key, node);
    } else if (record.type === "summary") {
      if (record.leafUuid) this.summaries.set(this.keys.keyOf(record.leafUuid), record.summary);
    } else if (record.sessionId) {
      if (record.sessionId === this.sessionId) this.applyMetadata(record);
    }
  }

  private applyMetadata(record: TranscriptRecord): void {
    const keys: readonly SessionMetadataKey[] | undefined = SESSION_METADATA_KEYS[record.type as SessionMetadataType];
    if (keys) for (const key of keys) this.metadata[key] = record[key];
  }

  /** A copy that can take more lines without changing this one (message nodes are immutable). */
  clone(): TranscriptState {
    const copy = new TranscriptState(this.sessionId, this.keys.nextObjectKey);
    for (const [key, node] of this.nodes) copy.nodes.set(key, node);
    for (const [key, summary] of this.summaries) copy.summaries.set(key, summary);
    Object.assign(copy.metadata, this.metadata);
    copy.halted = this.halted;
    return copy;
  }
}
