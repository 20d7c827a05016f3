import { closeSync, openSync, writeSync } from 'node:fs';

/** Overwrites `length` bytes at `offset` with a pattern no SQLite page holds. */
export function damage(file: string, offset: number, length = 512): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}
