// Every command of `claude-reindex`, in the order `claude-reindex --help` lists them. A new command is
// a `<name>-cli.ts` declaring its options, help and call, and one line here.
import { archiveCli } from "./archive-cli.ts";
import type { CliCommand } from "./cli-definition.ts";
import { deleteCli } from "./delete-cli.ts";
import { doctorCli } from "./doctor-cli.ts";
import { forgetCli } from "./forget-cli.ts";
import { installCli } from "./install-cli.ts";
import { listCli } from "./list-cli.ts";
import { migrateCli } from "./migrate-cli.ts";
import { moveProjectCli } from "./move-project-cli.ts";
import { pickCli } from "./pick-cli.ts";
import { rebuildCli } from "./rebuild-cli.ts";
import { renameCli } from "./rename-cli.ts";
import { restoreCli } from "./restore-cli.ts";
import { schemaCli } from "./schema-cli.ts";
import { searchCli } from "./search-cli.ts";
import { shimCheckCli } from "./shim-check-cli.ts";
import { tagCli } from "./tag-cli.ts";
import { unarchiveCli } from "./unarchive-cli.ts";
import { uninstallCli } from "./uninstall-cli.ts";
import { whyCli } from "./why-cli.ts";

export const CLI_COMMANDS: readonly CliCommand[] = [
  rebuildCli,
  doctorCli,
  listCli,
  pickCli,
  whyCli,
  searchCli,
  renameCli,
  tagCli,
  archiveCli,
  unarchiveCli,
  deleteCli,
  migrateCli,
  moveProjectCli,
  restoreCli,
  forgetCli,
  installCli,
  uninstallCli,
  schemaCli,
  shimCheckCli,
];
