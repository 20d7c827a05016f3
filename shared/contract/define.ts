import type { z } from 'zod';

/** One operation the UI may call: what it takes and what it gives back. */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> {
  return { input, output };
}

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends object[]]
  ? H & Merge<R>
  : Record<never, Operation>;

/** Combines per-domain operation maps; a name defined twice is a programming error. */
export function mergeOperations<const T extends readonly Record<string, Operation>[]>(...parts: T): Merge<T> {
  const merged: Record<string, Operation> = {};
  for (const part of parts) {
    for (const [name, operation] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`operation "${name}" is defined twice`);
      merged[name] = operation;
    }
  }
  return merged as Merge<T>;
}
