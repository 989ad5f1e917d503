export function seedInteractiveConfig(configDir: string, cwd: string): void;

export interface InteractiveSession {
  name: string;
  screen(): Promise<string>;
  /** tmux send-keys to the session (its own tmux server). */
  keys(...keys: string[]): Promise<unknown>;
  prompt(text: string, reply?: string): Promise<void>;
  /** `exitMs`: from the Enter that ran /exit to the process's end; `endedAt`: epoch ms of that end. */
  exit(): Promise<{ exitMs: number; endedAt: number }>;
  close(): Promise<void>;
}

export function startInteractive(options: {
  version: string;
  cwd: string;
  configDir: string;
  home: string;
  apiUrl: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<InteractiveSession>;
