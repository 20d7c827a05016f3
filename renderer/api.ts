import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope, PamojaBridge, Progress } from '../shared/contract/bridge.ts';
import type { OpInput, OpName, OpOutput } from '../shared/contract/index.ts';
import type { ErrorShape } from '../shared/errors.ts';
import type { FileChoice } from '../shared/contract/shell.ts';

declare global {
  interface Window {
    pamoja?: PamojaBridge;
  }
}

/** A failed call, with the service's message meant for people. */
export class ApiError extends Error {
  readonly code: ErrorShape['code'];
  readonly path: string | undefined;
  /** Set for files and folders that cannot be used (see `placeReasons`), with the path. */
  readonly reason: string | undefined;
  readonly detail: string | undefined;
  constructor(shape: ErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.path = shape.path;
    this.reason = shape.reason;
    this.detail = shape.detail;
  }
}

const TOKEN_KEY = 'pamoja.token';

/** The browser transport's token arrives once in the URL fragment; keep it for reloads. */
function httpToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    const rest = window.location.hash.replace(/[#&]?token=[A-Za-z0-9_-]+/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest || '#/'));
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = window.pamoja ? '' : httpToken();

/** Requests a closing page may send and still have arrive (the browser caps them at 64 KB). */
const KEEPALIVE_LIMIT = 60_000;

async function callHttp(op: string, input: unknown, leaving: boolean): Promise<Envelope> {
  const body = JSON.stringify(input ?? {});
  const response = await fetch(`api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body,
    keepalive: leaving && body.length < KEEPALIVE_LIMIT,
  });
  return (await response.json()) as Envelope;
}

/**
 * The browser's file picker, second half: sends the picked file to the local server, which
 * keeps it in the data folder's `received/` and answers with the ref operations take.
 */
export async function uploadFile(file: File): Promise<FileChoice> {
  const response = await fetch(`upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
    body: file,
  });
  const envelope = (await response.json()) as Envelope;
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as FileChoice;
}

/** Downloads a file the app wrote (a bundle, an invitation) through the browser. */
export async function downloadFile(ref: string, name: string): Promise<void> {
  const response = await fetch('download', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ ref }),
  });
  if (!response.ok) throw new ApiError(((await response.json()) as { error: ErrorShape }).error);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Calls one operation of the contract through whichever transport is present. `leaving`
 * marks a save made as the page is hidden or closed: the request outlives the page.
 */
export async function call<K extends OpName>(
  op: K,
  input: OpInput<K>,
  options: { leaving?: boolean } = {},
): Promise<OpOutput<K>> {
  const envelope = window.pamoja
    ? await window.pamoja.call(op, input)
    : await callHttp(op, input, options.leaving ?? false);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as OpOutput<K>;
}

/** True inside the Electron shell (folder dialogs, PDF, drag-and-drop of files). */
export const inShell = (): boolean => window.pamoja !== undefined;

export interface OpState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs an operation when the component shows and whenever `input` changes (compared as
 * JSON); `null` input skips the call. Stale answers from earlier inputs are ignored.
 */
export function useOp<K extends OpName>(op: K, input: OpInput<K> | null): OpState<OpOutput<K>> {
  const [state, setState] = useState<{ data?: OpOutput<K>; error?: ApiError; loading: boolean }>({
    loading: input !== null,
  });
  const [version, setVersion] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const latest = useRef(0);
  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    call(op, JSON.parse(key) as OpInput<K>).then(
      (data) => ticket === latest.current && setState({ data, loading: false }),
      (error: unknown) =>
        ticket === latest.current &&
        setState({
          error:
            error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) }),
          loading: false,
        }),
    );
  }, [op, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Progress of long work: pushed by the shell, polled from the local server. */
export function useProgress(active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    if (window.pamoja) return window.pamoja.events.onProgress(setProgress);
    const timer = setInterval(() => {
      call('app.progress', {}).then(
        (p) => setProgress(p),
        () => undefined,
      );
    }, 300);
    return () => clearInterval(timer);
  }, [active]);
  return progress;
}
