import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { errorText } from "../../src/text/error-text.ts";

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("errorText", () => {
  it("says a system error's code once", () => {
    const error = thrownBy(() => fs.readFileSync("/nonexistent-claude-reindex-file"));
    expect(errorText(error)).toBe("ENOENT: no such file or directory, open '/nonexistent-claude-reindex-file'");
  });

  it.each([
    [Object.assign(new Error("lock is taken"), { code: "ELOCKED" }), "ELOCKED: lock is taken"],
    [Object.assign(new Error("EPERM: not allowed"), { code: "EPERM" }), "EPERM: not allowed"],
    [Object.assign(new Error("plain"), { code: "" }), "plain"],
    [new Error("no code at all"), "no code at all"],
    ["a thrown string", "a thrown string"],
    [42, "42"],
  ])("%#: %s", (error, text) => {
    expect(errorText(error)).toBe(text);
  });
});
