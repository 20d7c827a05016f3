import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServedStore {
  url: string;
  db: string;
  /** Everything the server printed on stderr, attached to failing tests. */
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `electron/serve.ts` on a store file and waits for its URL. */
export function serveStore(db: string, extraArgs: string[] = []): Promise<ServedStore> {
  const child: ChildProcess = spawn(process.execPath, ['electron/serve.ts', '--db', db, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
    createInterface({ input: child.stdout! }).once('line', (url) => {
      clearTimeout(timer);
      resolve({
        url,
        db,
        log: () => log,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
