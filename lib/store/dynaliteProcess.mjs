// The embedded store in its own process: dynalite on loopback, started by
// startEmbeddedDynamo({ process: 'child' }) (embedded.ts). Plain JavaScript so it runs
// without a TypeScript loader. It reports its port over IPC and stops with its parent.
import dynalite from 'dynalite';

const path = process.argv[2] || undefined;
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
server.once('error', (e) => {
  process.send?.({ error: String(e?.message ?? e) });
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
const stop = () => server.close(() => process.exit(0));
process.on('message', (m) => m === 'close' && stop());
// The parent went away (crash, kill): do not outlive it.
process.on('disconnect', stop);
