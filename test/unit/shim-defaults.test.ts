// bin/claude is sh, so it repeats a few facts the TypeScript states once: the config root, where the
// "checked recently" stamp lives, and the defaults of its settings (also listed in its header and in
// the README's table). Each copy is read here and compared with the TypeScript.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECK_BEGAN_SETTING } from "../../src/commands/shim-check-budget.ts";
import { DEFAULT_CHECK_BUDGET_MS } from "../../src/commands/shim-check-cli.ts";
import { DEFAULT_NOTICE_DAYS } from "../../src/commands/shim-check-command.ts";
import { resolveConfigRoot } from "../../src/layout/config-root.ts";
import { KEEP_SESSIONS_KEY } from "../../src/layout/keep-guard-switch.ts";
import { DEFAULT_CHECK_MINUTES, shimStampPath } from "../../src/layout/shim-stamp.ts";
import { shimListingPath, shimSignaturePath } from "../../src/layout/tree-signature.ts";
import { TREE_LISTING_SETTING } from "../../src/rebuild/shim-signature.ts";
import { DEFAULT_STALE_HOURS } from "../../src/rebuild/staleness.ts";

const repo = path.resolve(import.meta.dirname, "../..");
const shim = fs.readFileSync(path.join(repo, "bin/claude"), "utf8");
const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");

/** Each setting whose default bin/claude states, with the TypeScript's default; `readme` if its table has it. */
const DEFAULTS: { setting: string; value: number; readme: boolean }[] = [
  { setting: "CLAUDE_REINDEX_CHECK_MINUTES", value: DEFAULT_CHECK_MINUTES, readme: true },
  { setting: "CLAUDE_REINDEX_STALE_HOURS", value: DEFAULT_STALE_HOURS, readme: true },
  { setting: "CLAUDE_REINDEX_NOTICE_DAYS", value: DEFAULT_NOTICE_DAYS, readme: true },
  { setting: "CLAUDE_REINDEX_CHECK_BUDGET_MS", value: DEFAULT_CHECK_BUDGET_MS, readme: false },
];

/** The first group of each match of `pattern` in `text`. */
function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))].map((m) => m[1]!);
}

/** Where a shim's text disagrees with the TypeScript: one line per copy that is missing or differs. */
function disagreements(shimText: string, readmeText: string): string[] {
  const found: string[] = [];
  const expectOne = (what: string, values: string[], expected: string) => {
    if (values.length !== 1 || values[0] !== expected)
      found.push(`${what}: ${JSON.stringify(values)}, not ${expected}`);
  };
  // The config root: $CLAUDE_CONFIG_DIR, else $HOME/.claude.
  expectOne("config root", matches(shimText, /root=\$\{CLAUDE_CONFIG_DIR:-([^}]+)\}/), resolveConfigRoot({}, "$HOME"));
  // The stamp whose age the shim reads with find -mmin.
  expectOne("stamp", matches(shimText, /^\s*stamp=(\$root\/\S+)$/m), shimStampPath("$root"));
  if (!shimText.includes('find "$stamp" -prune -mmin')) found.push("the stamp is not what find reads");
  // The signature, the listing it compares, and how it tells the stat pass of both.
  expectOne("signature", matches(shimText, /^\s*signature=(\$root\/\S+)$/m), shimSignaturePath("$root"));
  expectOne("listing", matches(shimText, /^\s*listing=(\$root\/\S+)$/m), shimListingPath("$root", "$$"));
  expectOne("the listing's variable", matches(shimText, /(\w+)=\$handover /), TREE_LISTING_SETTING);
  expectOne("the time's variable", [...new Set(matches(shimText, /(\w+)=\$began /))], CHECK_BEGAN_SETTING);
  // The default the shim itself uses.
  expectOne(
    "CLAUDE_REINDEX_CHECK_MINUTES in use",
    matches(shimText, /\$\{CLAUDE_REINDEX_CHECK_MINUTES:-(\d+)\}/),
    String(DEFAULT_CHECK_MINUTES),
  );
  for (const { setting, value, readme } of DEFAULTS) {
    expectOne(
      `${setting} in the header`,
      matches(shimText, new RegExp(`^#\\s+${setting}\\s.*\\(default (\\d+)`, "m")),
      String(value),
    );
    if (readme)
      expectOne(
        `${setting} in README`,
        matches(readmeText, new RegExp(`^\\| \`${setting}\`.*\\(default (\\d+)`, "m")),
        String(value),
      );
  }
  // The header's own sentence about the check.
  expectOne(
    "the header's sentence",
    matches(shimText, /CLAUDE_REINDEX_CHECK_MINUTES minutes\n#\s+\(default (\d+)\)/),
    String(DEFAULT_CHECK_MINUTES),
  );
  return found;
}

describe("what bin/claude repeats in sh", () => {
  it("the config root, the stamp, signature and listing paths and the defaults agree with the TypeScript", () => {
    expect(disagreements(shim, readme)).toEqual([]);
  });

  it("catches a changed default, a moved stamp, a renamed variable and a missing README row", () => {
    expect(disagreements(shim.replace(":-15}", ":-20}"), readme)).toEqual([
      'CLAUDE_REINDEX_CHECK_MINUTES in use: ["20"], not 15',
    ]);
    expect(disagreements(shim.replace("/claude-reindex/shim-checked", "/shim-checked"), readme)).toEqual([
      'stamp: ["$root/shim-checked"], not $root/claude-reindex/shim-checked',
    ]);
    expect(disagreements(shim.replace("=$handover ", "=$handover LISTING=$handover "), readme)).toEqual([
      `the listing's variable: ["${TREE_LISTING_SETTING}","LISTING"], not ${TREE_LISTING_SETTING}`,
    ]);
    expect(disagreements(shim, readme.replace("| `CLAUDE_REINDEX_NOTICE_DAYS`", "| `NOTICE`"))).toEqual([
      "CLAUDE_REINDEX_NOTICE_DAYS in README: [], not 1",
    ]);
  });
});

describe("hooks/launch repeats the keep guard's key", () => {
  it("reads install's manifest by the key the TypeScript writes, as JSON.stringify spells it", () => {
    const launch = fs.readFileSync(path.join(repo, "hooks/launch"), "utf8");
    const manifest = JSON.stringify({ record: { [KEEP_SESSIONS_KEY]: true } }, null, 2);
    const pattern = /grep -q '([^']+)'/.exec(launch)?.[1];
    expect(pattern).toBeDefined();
    expect(new RegExp(pattern!.replace(/ \*/g, " *")).test(manifest)).toBe(true);
    expect(pattern).toContain(`"${KEEP_SESSIONS_KEY}"`);
  });
});
