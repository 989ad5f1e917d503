export interface StandInApi {
  url: string;
  port: number;
  requests: { method: string; path: string; url: string; body: unknown; kind: string; at: number }[];
  close(): Promise<void>;
}

export function startStandInApi(options?: {
  reply?: string | { content: unknown[] } | ((body: unknown, request: object) => string | { content: unknown[] });
  delayMs?: number | ((body: unknown, request: object) => number);
  /** Polled every 50 ms while a reply is held back: once true, the reply goes at once. */
  releaseWhen?: () => boolean;
  log?: (line: string) => void;
  port?: number;
}): Promise<StandInApi>;
