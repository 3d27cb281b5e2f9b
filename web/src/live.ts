// Live updates: the verdictChanged subscription over SSE (EventSource, GET /graphql), where the server
// serves it (npm start, self-hosted). Each change refreshes the shown view at once; the poll in main.ts
// stays as the fallback. Where subscriptions are off (AWS) or need a key EventSource cannot send, the
// first answer is an error: the stream is closed for good instead of reconnecting in a loop.
const SUBSCRIPTION = 'subscription { verdictChanged { claimId verdict } }';

export function onVerdictChanges(changed: () => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(`/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`);
  const stop = () => source.close();
  source.addEventListener('next', (message) => {
    try {
      const payload = JSON.parse((message as MessageEvent<string>).data) as { data?: unknown; errors?: unknown[] };
      if (payload.errors?.length) return stop();
      changed();
    } catch {
      stop();
    }
  });
  // A stream the server ended (or never opened) is not retried: polling covers it.
  source.addEventListener('complete', stop);
  source.addEventListener('error', stop);
  return stop;
}
