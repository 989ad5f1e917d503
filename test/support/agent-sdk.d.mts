export const AGENT_SDK_VERSION: string;
export interface SdkSessionRow {
  sessionId: string;
  summary: string;
  lastModified: number;
  fileSize?: number;
  customTitle?: string;
  firstPrompt?: string;
  gitBranch?: string;
  cwd?: string;
  tag?: string;
  createdAt?: number;
  archived?: boolean;
}
export function installAgentSdk(version?: string, options?: { cacheDir?: string }): Promise<string>;
export function listSessionsIn(
  configDir: string,
  optionSets: { dir?: string; includeProgrammatic?: boolean; includeWorktrees?: boolean }[],
  options?: { version?: string },
): Promise<SdkSessionRow[][]>;
export function callSdkIn(
  configDir: string,
  calls: { fn: string; args: unknown[] }[],
  options?: { version?: string },
): Promise<unknown[]>;
