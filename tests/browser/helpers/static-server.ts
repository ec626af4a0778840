import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import sirv from "sirv";

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Where the site's home page is: origin + path prefix, e.g. `http://127.0.0.1:41234/news/` */
  home: string;
  /** A site path (without the prefix) → absolute URL: `topics/harbour/` → `…/news/topics/harbour/` */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: on 127.0.0.1 at a free port, under `prefix`,
 * with pretty URLs (`topics/x/` → `topics/x/index.html`) and the site's own 404.html, status 404,
 * for anything missing. The file list is read once at start, so start it after the build.
 */
export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const files = sirv(root, { dev: false, etag: true, extensions: ["html"] });
  const notFoundPage = readFileSync(join(root, "404.html"));
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Content-Length": notFoundPage.length });
    res.end(notFoundPage);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (!url.startsWith(prefix)) return notFound(res);
    req.url = `/${url.slice(prefix.length)}`;
    files(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    home: origin + prefix,
    url: (path) => origin + prefix + path.replace(/^\//, ""),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
