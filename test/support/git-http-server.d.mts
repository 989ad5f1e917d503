export function startGitHttpServer(projectRoot: string): Promise<{ url: string; close(): Promise<void> }>;
