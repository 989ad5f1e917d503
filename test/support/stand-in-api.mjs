// A tiny loopback stand-in for the Anthropic Messages API, good enough to run the real
// Claude Code offline (see docs/claude-code-storage.md, section 6).
//
//   const api = await startStandInApi({ reply: 'OK', delayMs: 0 });
//   // ANTHROPIC_BASE_URL=api.url ... claude -p "hi"
//   await api.close();
//
// It answers:
//   POST /v1/messages               a server-sent-event stream when the body says `stream: true`,
//                                   otherwise one JSON message; one text block and end_turn, unless
//                                   the reply function asks for other blocks (e.g. a tool_use)
//   POST /v1/messages/count_tokens  {"input_tokens": N}
//   anything else                   a harmless empty answer (200 `{}`), recorded in `requests`
//   CONNECT (proxy tunnel)          refused with 403, recorded: point HTTPS_PROXY here to keep a
//                                   client from reaching anything but loopback
//
// Every request is recorded in `requests` as { method, path, body, kind, at } where `kind` is
// 'messages', 'count_tokens', 'connect' or 'other', so a caller can see what Claude Code asked for.

import http from "node:http";

/**
 * @param {object} [options]
 * @param {string | ((body: any, request: object) => string | { content: object[], stopReason?: string })}
 *   [options.reply]
 *   Text of the assistant's reply, or a function of the parsed request body returning it. The
 *   function may also return `{ content: [...blocks], stopReason }` (blocks of type text or
 *   tool_use, e.g. `{ type: 'tool_use', id, name, input }`) to drive tool calls; stopReason
 *   defaults to 'tool_use' when a tool_use block is present, else 'end_turn'.
 * @param {number | ((body: any, request: object) => number)} [options.delayMs]
 *   How long to hold back a /v1/messages reply (ms). Claude Code in print mode exits right after
 *   the reply, so a delay gives its background work (e.g. the session index write) time to finish.
 * @param {() => boolean} [options.releaseWhen]
 *   Polled every 50 ms while a reply is held back: once it returns true the reply goes at once,
 *   so a test that waits for Claude Code's background work waits only as long as that work takes.
 * @param {(line: string) => void} [options.log] Called with a one-line note for each request.
 * @param {number} [options.port] Port to listen on; 0 (default) picks a free one.
 */
export async function startStandInApi(options = {}) {
  const { reply = "OK", delayMs = 0, releaseWhen, log = () => {}, port = 0 } = options;
  const requests = [];
  let messageCount = 0;
  // Timers of replies still being held back, so close() does not wait for them.
  const pendingTimers = new Set();

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // Not JSON: keep the raw text, the answer does not depend on it.
      }
      const path = (req.url ?? "/").split("?")[0];
      const record = { method: req.method, path, url: req.url, body, kind: "other", at: Date.now() };
      requests.push(record);
      try {
        route(record, res);
      } catch (error) {
        log(`stand-in: error answering ${req.method} ${req.url}: ${error?.stack ?? error}`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: "stand-in failure" } }));
      }
    });
  });

  function route(record, res) {
    const { method, path, body } = record;
    if (method === "POST" && path === "/v1/messages/count_tokens") {
      record.kind = "count_tokens";
      log(`stand-in: count_tokens`);
      // A rough, deterministic estimate: Claude Code only uses it for display and budgeting.
      const n = Math.max(1, Math.ceil(JSON.stringify(body ?? "").length / 4));
      return sendJson(res, 200, { input_tokens: n });
    }
    if (method === "POST" && path === "/v1/messages") {
      record.kind = "messages";
      const wanted = typeof reply === "function" ? reply(body, record) : reply;
      const content = normaliseContent(wanted);
      const stopReason = wanted?.stopReason ?? (content.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn");
      const text = content.map((b) => (b.type === "text" ? b.text : JSON.stringify(b.input ?? {}))).join("");
      const wait = Number(typeof delayMs === "function" ? delayMs(body, record) : delayMs) || 0;
      const id = `msg_standin_${String(++messageCount).padStart(4, "0")}`;
      const model = typeof body?.model === "string" ? body.model : "claude-stand-in";
      const stream = body?.stream === true;
      const kinds = content.map((b) => (b.type === "text" ? "text" : `${b.type}:${b.name}`)).join(",");
      log(`stand-in: messages ${id} stream=${stream} delay=${wait}ms [${kinds}] ${JSON.stringify(text.slice(0, 60))}`);
      const send = () => {
        if (res.destroyed) return; // the client gave up (e.g. Claude Code exited)
        const message = { id, model, content, stopReason, usage: usageFor(body, text) };
        if (stream) sendStream(res, message);
        else sendJson(res, 200, messageObject(message, true));
      };
      if (wait > 0) {
        const until = Date.now() + wait;
        const hold = () => {
          const timer = setTimeout(
            () => {
              pendingTimers.delete(timer);
              if (Date.now() >= until || releaseWhen?.()) send();
              else hold();
            },
            releaseWhen ? Math.min(50, until - Date.now()) : wait,
          );
          pendingTimers.add(timer);
        };
        hold();
      } else {
        send();
      }
      return;
    }
    // Anything else (feature flags, profile, settings, HEAD / for a connectivity check…): a
    // harmless empty answer. Record it so callers can see what was asked for.
    log(`stand-in: other ${method} ${record.url}`);
    if (method === "HEAD") {
      res.writeHead(200);
      return res.end();
    }
    return sendJson(res, 200, {});
  }

  // Refuse proxy tunnels: with HTTPS_PROXY pointing here, a client's non-loopback traffic ends here.
  server.on("connect", (req, socket) => {
    requests.push({ method: "CONNECT", path: req.url, url: req.url, body: undefined, kind: "connect", at: Date.now() });
    log(`stand-in: refused CONNECT ${req.url}`);
    socket.on("error", () => {});
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      // Drop kept-alive and held-back connections, or close() would wait for them.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// A reply is a string (one text block) or { content: [blocks] }; always return a block array.
function normaliseContent(answer) {
  if (answer && typeof answer === "object" && Array.isArray(answer.content)) {
    return answer.content.map((block, i) =>
      block.type === "tool_use"
        ? { type: "tool_use", id: block.id ?? `toolu_standin_${i}`, name: block.name, input: block.input ?? {} }
        : { type: "text", text: String(block.text ?? "") },
    );
  }
  return [{ type: "text", text: String(answer ?? "") }];
}

function usageFor(body, text) {
  const input = Math.max(1, Math.ceil(JSON.stringify(body?.messages ?? "").length / 4));
  return { input_tokens: input, output_tokens: Math.max(1, Math.ceil(text.length / 4)) };
}

// The message object: complete for a plain JSON answer, empty for the stream's message_start.
function messageObject({ id, model, content, stopReason, usage }, complete) {
  return {
    id,
    type: "message",
    role: "assistant",
    model,
    content: complete ? content : [],
    stop_reason: complete ? stopReason : null,
    stop_sequence: null,
    usage: {
      input_tokens: usage.input_tokens,
      output_tokens: complete ? usage.output_tokens : 1,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}

function sendJson(res, status, value) {
  const data = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(data),
    "request-id": "req_standin",
  });
  res.end(data);
}

function sendStream(res, reply) {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "request-id": "req_standin",
  });
  const event = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  event("message_start", { message: messageObject(reply, false) });
  reply.content.forEach((block, index) => {
    if (block.type === "tool_use") {
      event("content_block_start", {
        index,
        content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
      });
      event("content_block_delta", {
        index,
        delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) },
      });
    } else {
      event("content_block_start", { index, content_block: { type: "text", text: "" } });
      event("content_block_delta", { index, delta: { type: "text_delta", text: block.text } });
    }
    event("content_block_stop", { index });
  });
  event("message_delta", {
    delta: { stop_reason: reply.stopReason, stop_sequence: null },
    usage: { output_tokens: reply.usage.output_tokens },
  });
  event("message_stop", {});
  res.end();
}
