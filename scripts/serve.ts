// A small static server for the built site (dist/), with Framework's clean URLs:
// /lessons/3 → dist/lessons/3.html. Used by the browser tests and the benchmark; also
// `npx tsx scripts/serve.ts` to preview a build.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".jsonl": "application/jsonl",
  ".woff2": "font/woff2",
};

/** Text is sent gzipped when the browser accepts it, as every static host does (compressed once per file). */
const compressible = new Set([".html", ".js", ".css", ".json", ".svg", ".csv", ".txt", ".jsonl"]);
const gzipped = new Map<string, { mtime: number; body: Buffer }>();
function gzipOf(file: string): Buffer {
  const mtime = statSync(file).mtimeMs;
  const known = gzipped.get(file);
  if (known && known.mtime === mtime) return known.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipped.set(file, { mtime, body });
  return body;
}

function resolveFile(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, clean);
  if (!base.startsWith(root)) return null;
  const candidates = clean.endsWith("/")
    ? [join(base, "index.html")]
    : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export function serve(dir = "dist", port = 0, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root} has no index.html: build the site first (npm run build)`);
  }
  const server = createServer((req, res) => {
    const file = resolveFile(root, req.url ?? "/");
    const notFound = join(root, "404.html");
    if (!file) {
      res.writeHead(404, { "content-type": types[".html"]! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Not found");
      return;
    }
    // Framework names every asset under these folders by its content hash: cache them for good,
    // as a static host should, so a Worker importing the page's modules gets them from the cache.
    const hashed = /^\/_(import|node|file|observablehq)\//.test(req.url ?? "");
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      ...(hashed ? { "cache-control": "public, max-age=31536000, immutable" } : {}),
    };
    if (compressible.has(extname(file)) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipOf(file);
      res.writeHead(200, {
        ...headers,
        "content-encoding": "gzip",
        "content-length": body.length,
        vary: "accept-encoding",
      });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      ok({ server, url: `http://${host}:${actual}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3001);
  serve(process.env.DIST ?? "dist", port).then(({ url }) => console.log(`Serving dist/ at ${url}`));
}
