// What a browser may do with the API. Operations come only from JSON bodies (or GET for
// queries): a form or multipart POST needs no CORS preflight, so any web page could send
// one. CORS answers only configured origins, never with credentials (keys are bearer
// tokens, not cookies). With writes open (no key required), a mutation from another
// origin is refused: otherwise any page a newsroom user visits could write.
import type { Plugin } from 'graphql-yoga';
import { httpRefusal, refusalResponse } from '../http/refusal.js';

/** Request bodies that carry an operation: JSON (what every client and GraphiQL send). */
const JSON_BODY = /^application\/(?:json|graphql\+json)\s*(?:;|$)/i;

export function onlyJsonBodies(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type') ?? '';
      if (JSON_BODY.test(type)) return;
      const message = `Content-Type "${type || '(none)'}" is not accepted: POST a JSON body (Content-Type: application/json), or use GET for queries.`;
      endResponse(refusalResponse(httpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', message), fetchAPI));
    },
  };
}

/** The request's own origin (scheme + host), as a browser on the same site would send it. */
const ownOrigins = (request: Request): string[] => {
  const host = request.headers.get('host') ?? new URL(request.url).host;
  return [`http://${host}`, `https://${host}`];
};

/** An Origin that is neither this site nor a configured one ("null" from a sandboxed frame included). */
export function isForeignOrigin(request: Request, allowed: readonly string[]): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false; // not a browser's cross-site request
  if (allowed.includes('*')) return false;
  return !allowed.includes(origin) && !ownOrigins(request).includes(origin);
}

/** Yoga's CORS options per request: headers only for a configured origin, never credentials. */
export function corsFor(allowed: readonly string[]) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || allowed.length === 0) return false as const;
    const any = allowed.includes('*');
    if (!any && !allowed.includes(origin)) return false as const;
    return {
      origin: any ? '*' : origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
      maxAge: 600,
    };
  };
}
