// One owner per persisted embedded store: LevelDB allows a single process, and a second
// one (say `npm run ingest` while `npm start` runs) would otherwise fail later with
// "Database is closed". The owner's pid is kept in a file beside the data; a pid that is
// no longer running (the owner crashed or was killed) frees the store.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class StoreInUseError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`The embedded store at ${path} is in use by another process (pid ${pid}).`);
    this.name = 'StoreInUseError';
  }
}

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Take the store folder for `pid`; returns the release function. Throws StoreInUseError. */
export function lockStore(path: string, pid = process.pid): () => void {
  const file = join(path, 'OWNER.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return () => {
        if (readFileSync(file, 'utf8').trim() === String(pid)) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== pid && running(owner))
        throw new StoreInUseError(path, owner);
      rmSync(file, { force: true }); // left by an owner that is gone
    }
  }
  throw new Error(`could not lock the embedded store at ${path}`);
}
