import type { ZodType } from 'zod';
import { contract, type OpName } from '../../shared/contract/index.ts';
import type { Envelope } from '../../shared/contract/bridge.ts';
import { PamojaError, fromZodError } from '../../shared/errors.ts';
import type { ServiceContext } from './context.ts';
import type { HandlerMap } from './handlers.ts';

export type { Envelope };

/**
 * Runs one operation for a transport (IPC or HTTP): checks the name, validates the input
 * against the contract, calls the handler and wraps the outcome. Errors meant for people
 * keep their message; anything unexpected is logged and reported without internals.
 */
export async function dispatch(
  handlers: HandlerMap<OpName>,
  ctx: ServiceContext,
  name: string,
  rawInput: unknown,
): Promise<Envelope> {
  if (!Object.hasOwn(contract, name)) {
    return { ok: false, error: { code: 'invalid', message: `unknown operation "${name}"` } };
  }
  const operation = contract[name as OpName] as { input: ZodType };
  const parsed = operation.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toShape() };
  try {
    const handler = handlers[name as OpName] as (input: unknown, ctx: ServiceContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof PamojaError) return { ok: false, error: e.toShape() };
    console.error(`[pamoja] ${name} failed:`, e);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in ${name}: ${(e as Error).message}` },
    };
  }
}
