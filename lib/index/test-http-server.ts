// Test support (imported only by *.test.ts): a loopback HTTP server whose behaviour each test
// writes inline, which records what the client sent and how many requests overlapped.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  /** http://127.0.0.1:PORT/ — append "simple/" for an index root. */
  origin: string;
  requests: Array<{ path: string; headers: IncomingMessage["headers"] }>;
  /** The most requests that were being handled at the same moment. */
  peakInFlight: () => number;
  close(): Promise<void>;
}

export type TestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? "", headers: request.headers });
    inFlight++;
    peak = Math.max(peak, inFlight);
    response.once("close", () => inFlight--);
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    requests,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/vnd.pypi.simple.v1+json", "content-length": String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

/** A minimal valid PEP 691 page for `name` with one sdist. */
export function simplePage(name: string, version = "1.0"): object {
  return { meta: { "api-version": "1.0" }, name, files: [{ filename: `${name}-${version}.tar.gz`, url: `/files/${name}-${version}.tar.gz`, hashes: {} }] };
}

export function projectFromPath(path: string): string {
  return /^\/simple\/([^/]+)\/$/.exec(path)?.[1] ?? "";
}
