// `claude-reindex uninstall` on the command line: its options and help, and the call to runUninstall.
import { defineCliCommand } from "./cli-definition.ts";
import { SCOPE_OPTION, settingsEdit } from "./install-cli.ts";

export const uninstallCli = defineCliCommand({
  name: "uninstall",
  summary: "remove exactly what install added",
  description: `Removes our hook handlers and the containers install created for them (recorded in
<root>/claude-reindex/installed.json): after install then uninstall the settings file is byte for byte
what it was. A file install created and that is left empty is removed.`,
  options: {
    scope: SCOPE_OPTION,
    "dry-run": { help: "change nothing; show the diff of the settings file" },
    "shim-dir": { value: "<dir>", help: "also remove the link <dir>/claude, if it still points at the shim" },
  },
  outcomes: {
    done: "the hooks are removed, or there were none",
    failed: "the settings file refused (does not parse, wrong shape) or not writable",
  },
  async run(values, context) {
    const { runUninstall } = await import("./install-command.ts");
    return runUninstall(settingsEdit(values, context));
  },
});
