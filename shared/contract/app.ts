import { z } from 'zod';
import { op } from './define.ts';

export const appOps = {
  /** Progress of the long work running now, if any (polled by the browser transport). */
  'app.progress': op(
    z.object({}),
    z.object({ label: z.string(), done: z.number(), total: z.number() }).nullable(),
  ),
  /** What this store is and whether it holds a region yet. */
  'app.info': op(
    z.object({}),
    z.object({
      version: z.string(),
      storeFile: z.string(),
      deviceId: z.string(),
      deviceName: z.string(),
      hasRegion: z.boolean(),
      transport: z.enum(['ipc', 'http']),
    }),
  ),
  'app.setDeviceName': op(
    z.object({ name: z.string().trim().min(1).max(100) }),
    z.object({ ok: z.literal(true) }),
  ),
};
