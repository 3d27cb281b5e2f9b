// The dashboard's static files (web/, built by Vite) served by the same Yoga instance as the API, so
// `npm start` and the Lambda answer `/` the same way and the dashboard calls /graphql on its own origin
// (no CORS, no second deployment). Files are read once into memory: the build is a few small files,
// and a request can only ever reach a file that the build wrote (no path from the URL touches the disk).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

// Everything the page loads comes from this origin: a stray CDN reference would be refused by the
// browser, not silently fetched.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

interface StaticFile {
  body: Uint8Array;
  gzipped: Uint8Array | undefined;
  type: string;
  /** Vite puts a content hash in every file name under assets/: those never change. */
  immutable: boolean;
}

/**
 * The built dashboard: `configured` if given, else the nearest `web/dist` (running from source) or
 * `dashboard/` (the Lambda bundle, where the stack copies the build beside index.mjs) above this module.
 */
export function findDashboardDir(configured?: string): string | undefined {
  if (configured) return existsSync(join(configured, 'index.html')) ? configured : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'web', 'dist'), join(dir, 'dashboard')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function walk(root: string, dir = root, out = new Map<string, StaticFile>()): Map<string, StaticFile> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(root, path, out);
      continue;
    }
    const body = readFileSync(path);
    const type = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
    const compressible = /^(text\/|image\/svg|application\/json)/.test(type) && body.length > 1024;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    out.set(url, {
      body,
      gzipped: compressible ? gzipSync(body, { level: 9 }) : undefined,
      type,
      immutable: url.startsWith('/assets/'),
    });
  }
  return out;
}

const NOT_BUILT =
  'The dashboard is not built. Run `npm run web:build` (npm start does it first), or set DASHBOARD_DIR.';

/** A Yoga plugin answering GET/HEAD for `/` and the built files; everything else goes on to GraphQL. */
export function serveDashboard(options: { dir?: string | undefined; graphqlEndpoint: string }): Plugin {
  let files: Map<string, StaticFile> | undefined;
  const load = (): Map<string, StaticFile> | undefined => {
    if (files) return files;
    const dir = findDashboardDir(options.dir);
    if (dir) files = walk(dir);
    return files;
  };
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === options.graphqlEndpoint || url.pathname.startsWith(`${options.graphqlEndpoint}/`)) return;
      const served = load();
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      if (!served) {
        if (path === '/index.html')
          endResponse(
            new fetchAPI.Response(NOT_BUILT, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
          );
        return;
      }
      const file = served.get(path);
      if (!file) return;
      const gzip = file.gzipped && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const body = gzip ? file.gzipped! : file.body;
      const headers: Record<string, string> = {
        'content-type': file.type,
        'content-length': String(body.length),
        'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      if (file.type.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
          status: 200,
          headers,
        }),
      );
    },
  };
}
