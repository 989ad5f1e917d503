import { describe, expect, it } from "vitest";
import { encodeProjectDirName } from "../../src/layout/project-dir.ts";

describe("encodeProjectDirName", () => {
  it.each([
    ["/home/a/my_proj.v2", "-home-a-my-proj-v2"],
    ["C:\\x\\y", "C--x-y"],
    ["/home/a/😀", "-home-a---"],
    ["/Work/X", "-Work-X"],
    ["/home/a/é", "-home-a--"],
  ])("%s → %s", (workingDir, expected) => {
    expect(encodeProjectDirName(workingDir)).toBe(expected);
  });

  it("cuts names over 200 units and adds the base-36 Java string hash of the raw path", () => {
    const workingDir = `/home/a/${"deep/".repeat(60)}x`;
    const encoded = encodeProjectDirName(workingDir);
    let hash = 0;
    for (let i = 0; i < workingDir.length; i++) hash = ((hash << 5) - hash + workingDir.charCodeAt(i)) | 0;
    expect(encoded).toBe(`${workingDir.replace(/[^a-zA-Z0-9]/g, "-").slice(0, 200)}-${Math.abs(hash).toString(36)}`);
    expect(encodeProjectDirName(`/${"a".repeat(199)}`)).toHaveLength(200);
  });
});
