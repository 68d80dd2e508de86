import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** A route the test server answers from memory (odd pages: no body, text/plain …). */
export interface InlineRoute {
  body: string;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface TestServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves files from `roots` (first match wins) and `inline` routes on 127.0.0.1 at a free port.
 * Paths are confined to the roots: `..` cannot escape.
 */
export async function startServer(roots: string[], inline: Record<string, InlineRoute> = {}): Promise<TestServer> {
  const absRoots = roots.map((r) => resolve(r));
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = inline[path];
    if (route) {
      res.writeHead(200, { 'content-type': route.type });
      res.end(route.body);
      return;
    }
    for (const root of absRoots) {
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) break;
      try {
        const data = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(data);
        return;
      } catch {
        /* try next root */
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : `/${p}`),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
