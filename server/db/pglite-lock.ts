import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process has the embedded database open. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is PostgreSQL in one process: a second process opening the same folder works on its own copy of
 * the pages, and whichever closes last overwrites the other's writes (a setting saved by a command while
 * the server runs is silently lost). PGlite's own postmaster.pid holds no real pid, so we keep a lock
 * file with ours, created exclusively; a lock left by a process that died is taken over.
 * Returns the release function.
 */
export function lockPgliteDir(dir: string): () => void {
  const path = join(dir, 'app.lock');
  for (let attempt = 0; ; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by another process (pid ${holder}, probably the running server). ` +
            'PGlite allows one process at a time: stop the server first, or set DATABASE_URL to use PostgreSQL, which does not have this limit.',
        );
      }
      unlinkSync(path);
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return release;
}
