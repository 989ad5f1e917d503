import { describe, expect, it } from "vitest";
import { movedPath, moveHistoryProjects, moveProjectKeys } from "../../src/settings/moved-project-config.ts";

describe("movedPath: the folder or below it, on path boundaries", () => {
  it.each([
    ["/a/b", "/x/y"],
    ["/a/b/", "/x/y"],
    ["/a/b/c", "/x/y/c"],
    ["/a/b/c/d e", "/x/y/c/d e"],
    ["/a/bc", null],
    ["/a/b-c", null],
    ["/a", null],
    ["/a/b.c", null],
    ["a/b", null],
  ])("%s -> %s", (value, expected) => {
    expect(movedPath(value.endsWith("/") ? value.slice(0, -1) : value, "/a/b/", "/x/y")).toBe(expected);
  });
});

describe("moveProjectKeys", () => {
  it("renames only keys of the projects map, nothing in values or other maps", () => {
    const text = '{"githubRepoPaths":{"r":["/a/b"]},"projects":{"/a/b":{"note":"/a/b"}},"/a/b":1}';
    const out = moveProjectKeys(text, "/a/b", "/x");
    expect(out.text).toBe('{"githubRepoPaths":{"r":["/a/b"]},"projects":{"/x":{"note":"/a/b"}},"/a/b":1}');
    expect(out.changed).toEqual(["/a/b -> /x"]);
  });

  it("escapes a new key as JSON does, and leaves text without a projects map as it is", () => {
    expect(moveProjectKeys('{"projects":{"/a/b":{}}}', "/a/b", '/x/"q"').text).toBe('{"projects":{"/x/\\"q\\"":{}}}');
    expect(moveProjectKeys('{"projects":[]}', "/a/b", "/x").changed).toEqual([]);
    expect(moveProjectKeys("not json", "/a/b", "/x").text).toBe("not json");
  });
});

describe("moveHistoryProjects", () => {
  it("keeps the line ending and every line it does not change, byte for byte", () => {
    const text = '{"display":"/a/b","project":"/a/b"}\r\n{"project":"/a/bc"}\r\n';
    const out = moveHistoryProjects(text, "/a/b", "/x");
    expect(out.text).toBe('{"display":"/a/b","project":"/x"}\r\n{"project":"/a/bc"}\r\n');
  });
});
