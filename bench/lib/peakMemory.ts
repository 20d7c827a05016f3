import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB, its own: Linux's VmHWM (the high-water mark of
 * its address space, main thread and workers together). `process.resourceUsage().maxRSS`
 * is not used: after a spawn, Linux carries the parent's resident size at the fork into the
 * child's maxRSS, so a child of a large benchmark would report the parent's memory.
 */
export function peakMemoryMb(): number {
  try {
    const kb = /VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
