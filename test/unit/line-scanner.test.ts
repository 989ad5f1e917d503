import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanLine } from "../../src/transcript/line-scanner.ts";
import { TranscriptState } from "../../src/transcript/transcript-state.ts";
import { damagedLine } from "../support/damaged-line.ts";
import { prng } from "../support/prng.ts";
import { TranscriptBuilder } from "../support/transcript-builder.ts";

const SESSION = "7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d";

/** Whatever the derivation can see of one line: the state it leaves. */
function viewOf(parse: () => { kind: string; value?: unknown }) {
  const state = new TranscriptState(SESSION);
  const parsed = parse();
  if (parsed.kind === "value") state.apply(parsed.value);
  return {
    accepted: parsed.kind === "value",
    nodes: [...state.nodes.values()],
    summaries: [...state.summaries],
    metadata: state.metadata,
    halted: state.halted,
  };
}

function exactView(line: Buffer) {
  return viewOf(() => {
    try {
      return { kind: "value", value: JSON.parse(line.toString("utf8").trim()) };
    } catch {
      return { kind: "skip" };
    }
  });
}

function scanView(line: Buffer) {
  return viewOf(() => {
    const parsed = scanLine(line, 0, line.length);
    return parsed.kind === "use-exact"
      ? (() => {
          try {
            return { kind: "value", value: JSON.parse(line.toString("utf8").trim()) };
          } catch {
            return { kind: "skip" };
          }
        })()
      : parsed;
  });
}

const CODE = (
  'const s = "quote \\" backslash \\\\ tab\\t";\n\tif (a < b && c > d) { return ' +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal in it, as data
  "`tpl ${x}`; } // ünïcödé 😀 \u2028 \\u0041\n"
).repeat(300);

function corpus(): Buffer[] {
  const t = new TranscriptBuilder({ sessionId: SESSION, cwd: "/home/dev/ünï cödé" });
  t.user(`Please review this:\n${CODE}`);
  t.assistant(`Looked at it. ${CODE.slice(0, 3000)}`);
  t.user([{ tool_use_id: "toolu_1", type: "tool_result", content: CODE }], {
    toolUseResult: { stdout: CODE, stderr: "", interrupted: false },
  });
  t.user([
    { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo".repeat(4000) } },
    { type: "text", text: `what is in this image? ${"x".repeat(600)}` },
  ]);
  t.user([
    { type: "text", text: "" },
    { type: "tool_result", content: [{ type: "text", text: CODE }] },
  ]);
  t.meta({ type: "summary", summary: `A long summary ${"s".repeat(2000)}`, leafUuid: t.tip });
  t.meta({ type: "custom-title", customTitle: `T${"t".repeat(2500)}`, sessionId: SESSION });
  t.user(CODE, { cwd: `/very/long/${"d".repeat(700)}`, gitBranch: `feature/${"b".repeat(600)}` });
  t.system({ content: CODE, [`k${"e".repeat(600)}`]: CODE });
  return t.lines.map((line) => Buffer.from(JSON.stringify(line)));
}

describe("scanLine", () => {
  it("lets the derivation see exactly what JSON.parse gives on well-formed long lines", () => {
    for (const line of corpus()) {
      expect(line.length).toBeGreaterThan(2000);
      const withEdges = Buffer.concat([Buffer.from("\uFEFF \t"), line, Buffer.from(" \r")]);
      expect(scanView(withEdges)).toEqual(exactView(withEdges));
      expect(scanView(line).accepted).toBe(true);
    }
  });

  it("agrees with JSON.parse on torn, glued, zero-filled and byte-damaged lines", () => {
    const lines = corpus();
    const random = prng(42);
    const damage: Buffer[] = [];
    for (const [i, line] of lines.entries()) {
      for (let k = 0; k < 40; k++) damage.push(line.subarray(0, Math.floor(random() * line.length)));
      damage.push(
        Buffer.concat([line.subarray(0, Math.floor(random() * line.length)), lines[(i + 1) % lines.length]!]),
      );
      for (let k = 0; k < 60; k++) {
        const copy = Buffer.from(line);
        const at = Math.floor(random() * copy.length);
        // Damage to an escape sequence (a backslash or the 5 bytes after one) makes an invalid escape:
        // the documented difference when it lands in a long unread string, tested on its own below.
        if (copy.subarray(Math.max(0, at - 5), at + 1).includes(0x5c)) continue;
        const replacement = [0x00, 0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x61, 0xff, 0xc3, 0x31][
          Math.floor(random() * 13)
        ]!;
        copy[at] = replacement;
        damage.push(copy);
      }
      const zeroed = Buffer.from(line);
      zeroed.fill(0, Math.floor(line.length / 2), Math.min(line.length, Math.floor(line.length / 2) + 4096));
      damage.push(zeroed);
    }
    let rejected = 0;
    for (const line of damage) {
      const exact = exactView(line);
      expect(scanView(line)).toEqual(exact);
      if (!exact.accepted) rejected++;
    }
    expect(rejected).toBeGreaterThan(damage.length / 2);
  });

  it("rejects a bad escape in a string the index reads, as JSON.parse does", () => {
    const line = Buffer.from(
      JSON.stringify({
        type: "user",
        uuid: "u",
        parentUuid: null,
        message: { content: `${"p".repeat(600)}MARK` },
      }).replace("MARK", "\\q"),
    );
    expect(scanLine(line, 0, line.length).kind).toBe("invalid");
    expect(exactView(line).accepted).toBe(false);
  });

  it("does not check escapes inside long strings the index never reads (the documented difference)", () => {
    const line = Buffer.from(
      JSON.stringify({
        type: "user",
        uuid: "u",
        parentUuid: null,
        message: { content: [{ type: "tool_result", content: `${"r".repeat(600)}MARK` }] },
      }).replace("MARK", "\\q"),
    );
    expect(exactView(line).accepted).toBe(false);
    expect(scanLine(line, 0, line.length).kind).toBe("value");
  });

  it("agrees with JSON.parse on any short line, well-formed or damaged byte by byte", () => {
    const key = fc.oneof(
      fc.constantFrom("type", "uuid", "parentUuid", "message", "content", "text", "isMeta", "cwd", "timestamp"),
      fc.constantFrom("t\\u0079pe", "__proto__", "summary", "leafUuid", "sessionId", "customTitle"),
      fc.string({ maxLength: 6 }),
    );
    const leaf = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("user", "assistant", "summary", "text", "custom-title", SESSION, "\u00e9\n\t", "é😀"),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    }));
    const record = fc.record(
      {
        type: fc.constantFrom("user", "assistant", "system", "summary", "custom-title", "other"),
        uuid: fc.constantFrom("u1", "u2"),
        parentUuid: fc.constantFrom(null, "u1"),
        sessionId: fc.constant(SESSION),
        message: fc.oneof(
          fc.record({ content: fc.oneof(value, fc.array(fc.oneof(value, fc.constant(null)), { maxLength: 3 })) }),
          value,
        ),
        extra: value,
      },
      { requiredKeys: ["type"] },
    );
    // JSON text with the spacing JSON allows, keys spelled with escapes, and duplicate keys.
    const text = fc
      .tuple(record, fc.constantFrom("", " ", "\t", "\r", " \r\n "), fc.boolean(), fc.boolean())
      .map(([r, space, escapeKey, duplicate]) => {
        let json = JSON.stringify(r, null, space === "" ? undefined : space).replace(/\n/g, " ");
        if (escapeKey) json = json.replace('"type"', '"t\\u0079pe"');
        if (duplicate) json = json.replace(/}$/, ',"type":"user","message":{"content":"again"}}');
        return json;
      });
    const damaged = damagedLine(text, '{}[]":,\\ 0-1e.tfn\u0001\u00ff\t');
    fc.assert(
      fc.property(damaged, (line) => {
        expect(scanView(line)).toEqual(exactView(line));
      }),
      { numRuns: 3000 },
    );
  });

  it("does not recurse: a line nested 100,000 deep goes to JSON.parse, which does not either", () => {
    const depth = 100_000;
    const head = `{"type":"user","uuid":"u","parentUuid":null,"message":{"content":"hi"},"x":`;
    const deep = `${head}${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const line = Buffer.from(deep);
    expect(scanLine(line, 0, line.length).kind).toBe("use-exact");
    expect(scanView(line)).toEqual(exactView(line));
    expect(scanView(line).nodes).toHaveLength(1);
  });
});
