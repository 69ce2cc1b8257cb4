/**
 * A static file server for the built site (dist/), for browser tests: correct MIME types
 * (WebAssembly included), /path → /path/index.html, 404 page, loopback only. With `gzip`, text
 * goes gzipped to a client that accepts it, as a static host sends it (`npm run bench`).
 *
 * Caching as a static host does it: Astro's fingerprinted files (`/_astro/`) are immutable, every
 * other file has an ETag and is revalidated (304 when unchanged). Besides being what readers get,
 * it lets Chromium keep the scripts it compiled: served uncacheable, every page of the browser
 * suite compiled the site's scripts afresh (the embed pages' check took 61 s of CPU that way).
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.tflite': 'application/octet-stream',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.npy': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|wasm)|image\/svg)/;

export async function serveDist(
  root: string,
  port = 0,
  options: { gzip?: boolean } = {},
): Promise<{ server: Server; origin: string }> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    } catch {
      if (!extname(path)) path += '/index.html';
    }
    try {
      const caching = cachingHeaders(url.pathname, await stat(path));
      if (req.headers['if-none-match'] === caching.etag) {
        res.writeHead(304, caching).end();
        return;
      }
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      if (options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        res.writeHead(200, { ...caching, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(gzipSync(body));
        return;
      }
      res.writeHead(200, { ...caching, 'content-type': type });
      res.end(body);
    } catch {
      const body = await readFile(join(base, '404.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, origin: `http://127.0.0.1:${actualPort}` };
}

/** A file's validator, and how long it may be kept: for ever if fingerprinted, else until revalidated. */
function cachingHeaders(pathname: string, file: Stats): { etag: string; 'cache-control': string } {
  return {
    etag: `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`,
    'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}
