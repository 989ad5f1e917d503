export interface ClaudeCodeRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export function claudeCodeCacheDir(): string;
export function installClaudeCode(
  version: string,
  options?: { cacheDir?: string },
): Promise<{ version: string; command: string; args: string[]; argv: string[]; packageDir: string }>;
export function runClaudeCode(options: {
  version: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  apiUrl: string;
  configDir?: string;
  home?: string;
  timeoutMs?: number;
}): Promise<ClaudeCodeRun>;

export function sweptSince(configDir: string, since: number): boolean;

export function offlineEnv(options: {
  apiUrl: string;
  home: string;
  configDir?: string;
  extra?: Record<string, string>;
}): Record<string, string>;
