import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { Contract } from '../../../shared/contract/index.ts';
import type { JobOp } from '../../../shared/contract/jobs.ts';
import type { Store } from '../../db/store.ts';
import type { ServiceContext } from '../context.ts';
import { bundlesFolder } from '../shell/handlers.ts';
import { bundleTarget, existingBundle, existingFolder, ownFolder } from '../sync/places.ts';
import { JobCancelled, legacyProgress, type JobHooks } from './hooks.ts';

// Each job's code is loaded when it runs: a worker loads only what its own job needs
// (loading every service into a new thread takes seconds on a busy laptop, and a report
// needs neither the mail clients nor the demo generator).
const sync = () => import('../sync/bundles.ts');
const views = () => import('../sync/views.ts');
const mailbox = () => import('../sync/mailbox.ts');
const demo = () => import('../../demo/generate.ts');
const regionFile = () => import('../regionFile/load.ts');
const reports = () => import('../reports/files.ts');
const sheets = () => import('../sheets/service.ts');
const mail = {
  addressBook: () => import('../mail/addressBook.ts'),
  draft: () => import('../mail/draft.ts'),
  outbox: () => import('../mail/outbox.ts'),
  handlers: () => import('../mail/handlers.ts'),
  imap: () => import('../mail/imap.ts'),
  receive: () => import('../mail/receive.ts'),
  send: () => import('../mail/send.ts'),
  settings: () => import('../mail/settings.ts'),
};

/** Loads every job's code ahead (a spare worker, while it waits for its job). */
export async function preloadJobs(): Promise<void> {
  await Promise.all(
    [
      sync,
      views,
      mailbox,
      demo,
      regionFile,
      reports,
      sheets,
      ...Object.values(mail),
      () => import('exceljs'),
    ].map((load) => load()),
  );
}

/** What a job may know of where it runs besides its store. */
export interface JobEnv {
  /** Folder for the store's files besides the database (bundles, backups). */
  dataDir: string;
  /**
   * Takes the before-import snapshot now (once per job), for a job that first checks what
   * it was given and writes only if all is well: a refused file leaves no snapshot behind.
   */
  backup(): Promise<void>;
  /**
   * Prints HTML to PDF on the runner's side (its warm Chromium; the CLI's `--browser`):
   * the browser outlives one job, so the next report need not start it again.
   */
  printPdf?: (html: string, footer: string) => Promise<Buffer>;
}

/**
 * What `prepare` and `finish` may use: the caller's context, on the transport's thread
 * (its files, its data folder, the passwords it holds). The CLI gives none.
 */
export type JobPrepareContext = ServiceContext;

type JobInput<K extends JobOp> = z.output<Contract[K]['input']>;

export interface JobDefinition<K extends JobOp> {
  /**
   * Turns the caller's input into what the worker runs with, on the transport's thread:
   * the paths the page named become real ones through `ctx.files` (grants in the app,
   * allowed folders in serve). A refusal here starts nothing.
   */
  prepare?: (input: JobInput<K>, ctx: JobPrepareContext) => JobInput<K> | Promise<JobInput<K>>;
  /**
   * Turns the worker's answer into the operation's output, on the transport's thread
   * (e.g. a grant for the file written, which only the transport can make).
   */
  finish?: (output: z.input<Contract[K]['output']>, ctx: JobPrepareContext) => z.input<Contract[K]['output']>;
  /**
   * Whether the job can be stopped leaving the store as it was. A job that commits in
   * several steps says false (or checks `cancelled()` only before its first commit and
   * says true).
   */
  cancellable: boolean;
  /**
   * Take a snapshot of the store before the job runs (imports of others' data). A job
   * that checks its input first calls `env.backup()` itself, just before it writes.
   */
  backupBefore?: 'before-import';
  /**
   * The job only reads the store (reports, previews) and writes nothing to it: it runs
   * beside any other job (WAL keeps its reads consistent) and holds no store lock.
   */
  readOnly?: true;
  /** Phrase for "another job is running" messages, e.g. "importing a bundle". */
  doing: string;
  /**
   * The job streams its work a piece at a time (a bundle's spans): its worker's heap is held
   * to this many MB, so V8 collects what each piece left behind instead of growing, and a
   * country-sized import stays within a 4 GB laptop's means. Jobs whose memory grows with
   * their input (a demo, a workbook) leave it unset.
   */
  heapMb?: number;
  run(
    store: Store,
    input: JobInput<K>,
    hooks: JobHooks,
    env: JobEnv,
  ): z.input<Contract[K]['output']> | Promise<z.input<Contract[K]['output']>>;
}

type Registry = { [K in JobOp]: JobDefinition<K> };

/**
 * Heap for a job that holds one span at a time: a span's largest decoded form (16 MiB of
 * body, 65,536 changes: limits.ts) fits twice over. Measured: a country import (4.3 M
 * changes) peaks at about 255 MB of process memory with it, 400+ MB without.
 */
const STREAMING_HEAP_MB = 128;

/**
 * Every long job, by the contract operation it performs. Each runs in the runner's worker
 * with its own store connection (electron/services/jobs/worker.ts). To add one: put the
 * operation's name in `jobOps` (shared/contract/jobs.ts), add its entry here, and make the
 * operation's handler `(input, ctx) => ctx.jobs.run('<op>', input)`.
 */
export const jobRegistry: Registry = {
  'sync.import': {
    cancellable: true, // one transaction: a cancel inside it rolls everything back
    backupBefore: 'before-import',
    doing: 'importing a bundle',
    heapMb: STREAMING_HEAP_MB,
    prepare: async (input, { files }) => ({
      ...input,
      path: await existingBundle(files.resolve(input.path, 'read')),
    }),
    run: async (store, { path, passphrase }, hooks) => {
      const [{ importBundleFile }, { importView }] = await Promise.all([sync(), views()]);
      return importView(
        await importBundleFile(store, path, {
          ...(passphrase ? { passphrase } : {}),
          progress: legacyProgress(hooks, true),
        }),
      );
    },
  },
  'sync.export': {
    cancellable: true, // nothing is written before the bundle is built
    doing: 'writing a bundle',
    heapMb: STREAMING_HEAP_MB,
    prepare: async (input, { files, dataDir }) => {
      if (input.path) return { ...input, path: await bundleTarget(files.resolve(input.path, 'write')) };
      // The default place is this laptop's own bundles folder, made on first use.
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
      const folder = await ownFolder(bundlesFolder(dataDir));
      return { ...input, path: join(folder, `pamoja-${input.kind}-${stamp}.pamoja`) };
    },
    finish: (out, { files }) => ({ ...out, ref: files.grant(out.file, 'read') }),
    run: async (store, input, hooks, { dataDir }) => {
      const stamp = new Date(store.clock.now()).toISOString().slice(0, 19).replaceAll(':', '-');
      const path = input.path ?? join(bundlesFolder(dataDir), `pamoja-${input.kind}-${stamp}.pamoja`);
      const spec =
        input.kind === 'selective'
          ? { kind: input.kind, clusters: input.clusters ?? [], practices: input.practices ?? false }
          : input.kind === 'peer'
            ? { kind: input.kind, ...(input.forDevice ? { forDevice: input.forDevice } : {}) }
            : { kind: input.kind };
      const { exportBundle } = await sync();
      const out = await exportBundle(store, spec, path, legacyProgress(hooks, true));
      // `ref` is the file itself until `finish` (on the transport's thread) grants one.
      const { file, bytes, changes, tables } = out;
      return { file, ref: file, bytes, changes, tables };
    },
  },
  'sync.folder': {
    cancellable: false, // each bundle taken is committed on its own
    backupBefore: 'before-import',
    doing: 'syncing with a folder',
    heapMb: STREAMING_HEAP_MB,
    // A missing folder is a stick not plugged in: said before anything starts (or is backed up).
    prepare: async (input, { files }) => ({
      ...input,
      dir: await existingFolder(files.resolve(input.dir, 'folder')),
    }),
    run: async (store, { dir, passphrase }, hooks) => {
      const [{ syncFolder }, { importView }] = await Promise.all([mailbox(), views()]);
      const r = await syncFolder(store, dir, {
        ...(passphrase ? { passphrase } : {}),
        progress: legacyProgress(hooks, false),
      });
      return { ...r, imported: r.imported.map(importView) };
    },
  },
  'region.loadDemo': {
    cancellable: false, // written in many transactions
    doing: 'making the demo region',
    run: async (store, { seed, scale }, hooks) => {
      const { generateDemo } = await demo();
      // generateDemo refuses a store that already holds a region, naming it.
      const summary = generateDemo(store, {
        seed: seed ?? 1,
        scale: scale ?? 'region',
        progress: legacyProgress(hooks, false),
      });
      return { counts: summary.counts };
    },
  },
  'region.loadFile': {
    cancellable: true, // checked whole, then written in one transaction
    backupBefore: 'before-import',
    doing: 'loading a region file',
    run: async (store, { text }, hooks) => {
      const { parseRegionFileText, loadRegionFile } = await regionFile();
      hooks.progress({ phase: 'checking', done: 0, total: 1 });
      const doc = parseRegionFileText(text);
      if (hooks.cancelled()) throw new JobCancelled();
      hooks.progress({ phase: 'loading', done: 0, total: 1 });
      const summary = loadRegionFile(store, doc);
      hooks.progress({ phase: 'loading', done: 1, total: 1 });
      return { counts: summary.counts, tables: summary.tables, changes: summary.changes };
    },
  },
  'reports.preview': {
    readOnly: true,
    cancellable: true, // writes nothing
    doing: 'making a report',
    run: async (store, input, hooks) => (await reports()).previewReport(store, input, hooks),
  },
  'reports.export': {
    readOnly: true,
    cancellable: true,
    doing: 'making a report',
    run: async (store, input, hooks, env) => (await reports()).exportReport(store, input, hooks, env),
  },
  'reports.save': {
    readOnly: true,
    cancellable: true, // the file is written whole at the end, after the last check
    doing: 'saving a report',
    prepare: (input, { files }) =>
      input.path === undefined ? input : { ...input, path: files.resolve(input.path, 'write') },
    run: async (store, input, hooks, env) => (await reports()).saveReport(store, input, hooks, env),
  },
  'sheets.preview': {
    readOnly: true,
    cancellable: true,
    doing: 'reading a spreadsheet',
    run: async (store, input, hooks) => {
      const { previewSheet, sheetInput } = await sheets();
      return previewSheet(store, sheetInput(input), hooks);
    },
  },
  'sheets.import': {
    cancellable: true, // checked whole, then written in one transaction
    doing: 'importing a spreadsheet',
    // The snapshot is taken once the sheet passed its checks, just before it is written.
    run: async (store, input, hooks, env) => {
      const { importSheet, sheetInput } = await sheets();
      return importSheet(store, sheetInput(input), hooks, env.backup);
    },
  },
  // Mail: the passwords are found on the transport's thread (sealed in the app, typed in the
  // browser) and reach the worker in its input, in memory only.
  'mail.send': {
    cancellable: false, // each item's status is written as it goes
    doing: 'sending mail',
    prepare: async (input, ctx) =>
      (await mail.settings()).requireMailSettings(ctx.store).smtp.user
        ? {
            ...input,
            smtpPassword: await (await mail.handlers()).passwordFor(ctx, 'smtp', input.smtpPassword),
          }
        : input,
    run: async (store, { smtpPassword, ids, onlyDue }, hooks) =>
      (await mail.send()).sendOutbox(store, { smtpPassword, now: !onlyDue, ...(ids ? { ids } : {}) }, hooks),
  },
  'mail.fetch': {
    cancellable: false, // each message is taken in on its own
    doing: 'fetching mail',
    prepare: async (input, ctx) => ({
      ...input,
      imapPassword: (await mail.settings()).requireMailSettings(ctx.store).imap
        ? await (await mail.handlers()).passwordFor(ctx, 'imap', input.imapPassword)
        : input.imapPassword,
    }),
    // The snapshot is taken before the first bundle goes in: a fetch that finds nothing takes none.
    run: async (store, { imapPassword, passphrase }, hooks, env) => {
      const { fetchMail } = await mail.imap();
      const r = await fetchMail(store, { imapPassword, passphrase, beforeImport: env.backup }, hooks);
      return { folder: r.folder, messages: r.messages.map(({ taken: _taken, ...m }) => m) };
    },
  },
  'mail.take': {
    cancellable: false, // each bundle in the email is committed on its own
    backupBefore: 'before-import',
    doing: 'taking in an email',
    prepare: (input, { files }) => ({ ...input, path: files.resolve(input.path, 'read') }),
    run: async (store, { path, passphrase }, hooks) => {
      const [{ takeFileAt }, { takenView }] = await Promise.all([mail.receive(), mail.handlers()]);
      hooks.progress({ phase: 'taking', detail: basename(path), done: 0, total: 1 });
      return (await takeFileAt(store, path, { passphrase })).map(takenView);
    },
  },
  // Queueing a bundle and saving a draft make the bundle (the export) in the worker too.
  'mail.queue': {
    cancellable: false, // the bundle is made and queued in one go
    doing: 'making a bundle for the outbox',
    // An unknown recipient is said before anything starts.
    prepare: async (input, ctx) => {
      (await mail.addressBook()).resolveRecipient(ctx.store, input.to);
      return input;
    },
    run: async (store, { to }) => {
      const [{ resolveRecipient }, { queueBundle }] = await Promise.all([mail.addressBook(), mail.outbox()]);
      return queueBundle(store, resolveRecipient(store, to));
    },
  },
  'mail.draft': {
    cancellable: false,
    doing: 'saving an email draft',
    prepare: async (input, ctx) => {
      (await mail.addressBook()).resolveRecipient(ctx.store, input.to);
      const stamp = new Date(ctx.store.clock.now()).toISOString().slice(0, 16).replaceAll(':', '-');
      const path = input.path
        ? ctx.files.resolve(input.path, 'write')
        : join(await ownFolder(bundlesFolder(ctx.dataDir)), `pamoja-draft-${stamp}.eml`); // made on first use
      return { ...input, path };
    },
    // "Show the file" needs a grant for the bundle, which only the transport can make.
    finish: (out, { files }) => ({ ...out, bundleRef: files.grant(out.bundle, 'read') }),
    run: async (store, { to, path }) => {
      const [{ resolveRecipient }, { saveDraft }] = await Promise.all([mail.addressBook(), mail.draft()]);
      const stamp = new Date(store.clock.now()).toISOString().slice(0, 16).replaceAll(':', '-');
      const out = path ?? `pamoja-draft-${stamp}.eml`;
      const r = await saveDraft(store, resolveRecipient(store, to), out);
      return { ...r, bundleRef: r.bundle }; // the file itself until `finish` grants it
    },
  },
};
