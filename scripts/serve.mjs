// A small static file server for the built app (dist/), bound to 127.0.0.1 only.
// Used by `scripts/run.sh` to serve the app and by the end-to-end tests, so both see the same
// files with the same headers. Usage: node scripts/serve.mjs [dir] [port]
import { createServer } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Compressed bodies, made once per file and encoding. */
const compressed = new Map();

/** `body` in the best encoding the request accepts (brotli, then gzip), as a web host would. */
function encode(file, body, accepted) {
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
  if (encoding === null || body.length < 1024) return { body, encoding: null };
  const key = `${encoding}:${file}:${body.length}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return { body: compressed.get(key), encoding };
}

/**
 * Compresses every file under `dir` in both encodings before the first request, as a host that
 * serves precompressed static files does: brotli at quality 11 takes seconds for the wasm, and
 * made on the first request it would stall that request (and the benchmarks' first visit).
 */
async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const body = await readFile(file);
    encode(file, body, "br");
    encode(file, body, "gzip");
  }
}

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
 * With `{ compress: true }` bodies are sent brotli- or gzip-encoded as the browser accepts,
 * compressed before the server starts listening.
 */
export async function startServer(dir, port = 0, { compress = false } = {}) {
  const root = resolve(dir);
  if (compress) await precompress(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      const sent = compress ? encode(file, body, request.headers["accept-encoding"] ?? "") : { body };
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        // The app decides its own caching through its service worker; the server never does.
        "cache-control": "no-cache",
        ...(sent.encoding ? { "content-encoding": sent.encoding, vary: "accept-encoding" } : {}),
      });
      response.end(request.method === "HEAD" ? undefined : sent.body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await startServer(dir, port, { compress: true });
  console.log(`Serving ${dir} at ${url} (Ctrl+C to stop)`);
}
