import fs from "node:fs";
import { projectsRoot } from "./config-root.ts";
import { diagnoseProject, type ProjectDiagnosis } from "./doctor.ts";
import { selectProjectDirs, type ProjectSelection } from "./project-dir.ts";
import { progressLine } from "./progress-line.ts";
import type { CommandIo } from "./rebuild-command.ts";
import { TranscriptCache } from "./transcript-cache.ts";

export interface DoctorCommand {
  configRoot: string;
  selection: ProjectSelection;
  json: boolean;
  io: CommandIo;
}

/** `claude-reindex doctor`: read-only; exit 0 when all is well, 1 when something needs attention. */
export async function runDoctor(command: DoctorCommand): Promise<number> {
  const { io } = command;
  const root = projectsRoot(command.configRoot);
  const rootExists = fs.existsSync(root);
  const projectDirs = rootExists ? selectProjectDirs(command.configRoot, command.selection) : [];
  const cache = TranscriptCache.under(command.configRoot, { writable: false });
  const progress = progressLine(io.stderr, "claude-reindex: checking");
  const diagnoses: ProjectDiagnosis[] = [];
  try {
    for (const [i, projectDir] of projectDirs.entries()) {
      progress.project(i, projectDirs.length, projectDir);
      diagnoses.push(diagnoseProject(projectDir, cache));
    }
  } finally {
    progress.finish();
  }
  const needAttention = diagnoses.filter((d) => d.findings.length > 0);

  if (command.json) {
    io.stdout.write(`${JSON.stringify({ root: command.configRoot, projectsRoot: root, projectsRootExists: rootExists, projects: diagnoses, needAttention: needAttention.length }, null, 2)}\n`);
    return needAttention.length > 0 ? 1 : 0;
  }
  if (!rootExists) {
    io.stdout.write(`No Claude Code sessions under ${root} (set CLAUDE_CONFIG_DIR if they live elsewhere).\n`);
    return 0;
  }
  for (const diagnosis of needAttention) {
    io.stdout.write(`${diagnosis.projectDir}\n`);
    for (const finding of diagnosis.findings) io.stdout.write(`  - ${finding.message}\n`);
    for (const fix of new Set(diagnosis.findings.map((f) => f.fix).filter((f) => f !== null))) io.stdout.write(`  fix: ${fix}\n`);
  }
  const sessions = diagnoses.reduce((n, d) => n + d.sessions, 0);
  if (needAttention.length === 0) {
    io.stdout.write(`All ${diagnoses.length} project indexes are in order (${sessions} sessions under ${root}).\n`);
    return 0;
  }
  const fixable = needAttention.filter((d) => d.findings.some((f) => f.fix?.startsWith("claude-reindex rebuild"))).length;
  io.stdout.write(`${needAttention.length} of ${diagnoses.length} projects need attention (${sessions} sessions under ${root}).\n`);
  if (fixable > 1) io.stdout.write(`Fix every index at once: claude-reindex rebuild --all\n`);
  return 1;
}
