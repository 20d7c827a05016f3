import type { z } from 'zod';
import { contract, type Contract, type OpName } from '../../shared/contract/index.ts';
import type { ServiceContext } from './context.ts';

export type Handler<K extends OpName> = (
  input: z.output<Contract[K]['input']>,
  ctx: ServiceContext,
) => z.input<Contract[K]['output']> | Promise<z.input<Contract[K]['output']>>;

/** A domain's handlers, e.g. `HandlerMap<'clusters.list' | 'clusters.get'>`. */
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> };

/** Prefix filter: all operation names of one domain, e.g. `OpsOf<'clusters'>`. */
export type OpsOf<D extends string> = Extract<OpName, `${D}.${string}`>;

/**
 * Merges the domain handler maps; fails at start if a name is handled twice or an
 * operation of the contract has no handler.
 */
export function mergeHandlers(...maps: Record<string, unknown>[]): HandlerMap<OpName> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`operation "${name}" is handled twice`);
      if (!Object.hasOwn(contract, name)) throw new Error(`handler "${name}" is not in the contract`);
      merged[name] = handler;
    }
  }
  const missing = Object.keys(contract).filter((name) => !Object.hasOwn(merged, name));
  if (missing.length) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  return merged as HandlerMap<OpName>;
}
