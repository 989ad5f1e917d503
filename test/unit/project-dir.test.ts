import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeProjectDirName, selectProjectDirs } from "../../src/layout/project-dir.ts";
import { tempDir } from "../support/temp.ts";

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

describe("selectProjectDirs", () => {
  it("takes --project . as the working directory, never as projects/ itself", () => {
    const root = fs.realpathSync(tempDir());
    const projectDir = path.join(root, "projects", encodeProjectDirName(root));
    fs.mkdirSync(projectDir, { recursive: true });
    expect(selectProjectDirs(root, { kind: "project", argument: ".", workingDir: root })).toEqual([projectDir]);
    expect(selectProjectDirs(root, { kind: "project", argument: "..", workingDir: path.join(root, "x") })).toEqual([
      projectDir,
    ]);
  });
});
