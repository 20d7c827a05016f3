import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../electron/db/backupFiles.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { withinFolders } from '../../electron/services/files/access.ts';
import { handlers } from '../../electron/services/index.ts';
import { JobCancelled } from '../../electron/services/jobs/hooks.ts';
import { jobLockFile } from '../../electron/services/jobs/lock.ts';
import { jobRegistry } from '../../electron/services/jobs/registry.ts';
import { JobRunner } from '../../electron/services/jobs/runner.ts';
import { ChromiumPrinter } from '../../electron/services/reports/chromium.ts';
import { findBrowser } from '../../electron/services/reports/pdf.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import type { JobProgress, JobView } from '../../shared/contract/jobs.ts';
import { tempDir } from './helpers.ts';

/** A store holding the small demo region, and a runner on it recording every update. */
function demoStore(): { store: Store; dir: string; runner: JobRunner; updates: JobView[] } {
  const dir = tempDir();
  const store = openStore(join(dir, 'pamoja.sqlite'));
  generateDemo(store, { seed: 5, scale: 'small' });
  const updates: JobView[] = [];
  const runner = new JobRunner({
    storeFile: store.file,
    dataDir: dir,
    onUpdate: (v) => updates.push(structuredClone(v)),
  });
  return { store, dir, runner, updates };
}

/** A schools list for the store's first cluster, as a district office would send it. */
function schoolsSheet(store: Store, rows: number, setting = 'rural'): string {
  const c = store.db.prepare('SELECT name, lat, lon FROM clusters ORDER BY name LIMIT 1').get() as {
    name: string;
    lat: number;
    lon: number;
  };
  const lines = ['School,CoP,Latitude,Longitude,Pupils,Teachers,Setting'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Job Test School ${i},${c.name},${(c.lat + i / 10_000).toFixed(4)},${c.lon.toFixed(4)},${300 + i},9,${setting}`,
    );
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

const sheet = (content: string) => ({
  kind: 'schools' as const,
  fileName: 'district.csv',
  content,
  lang: 'en' as const,
});
const schools = (store: Store): number =>
  (store.db.prepare('SELECT count(*) AS n FROM schools').get() as { n: number }).n;

describe('reports as jobs', () => {
  it('builds and saves a report in a worker, with its phases, while another process holds the store for an import', async () => {
    const { store, dir, runner, updates } = demoStore();
    // Another Pamoja (a live process) is importing into this store.
    writeFileSync(
      jobLockFile(store.file),
      JSON.stringify({ pid: 1, doing: 'importing a bundle', startedAt: '2026-11-20T08:00:00Z' }),
    );
    await expect(runner.start('sheets.import', sheet(schoolsSheet(store, 2)))).rejects.toThrow(
      /Another Pamoja \(process 1\) is already importing a bundle on this store since 08:00 UTC/,
    );
    // A report only reads: it goes ahead beside the import.
    const out = join(dir, 'chosen.xlsx');
    const saved = await runner.run('reports.save', {
      scope: { kind: 'region' },
      lang: 'en',
      format: 'xlsx',
      path: out,
    });
    expect(saved).toMatchObject({ path: out, bytes: readFileSync(out).length });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(String(book.getWorksheet('Summary')!.getRow(1).getCell(1).value)).toMatch(/^Report — /);
    const phases = updates.map((u) => u.progress.phase);
    expect(phases).toContain('figures');
    expect(phases).toContain('xlsx');
    expect(updates.at(-1)!.state).toBe('done');
    // Nothing of the import's lock was touched.
    expect(JSON.parse(readFileSync(jobLockFile(store.file), 'utf8'))).toMatchObject({ pid: 1 });
    store.close();
  });

  it('through the contract: the preview and a file in the Reports folder, the same as the service makes', async () => {
    const { store, dir } = demoStore();
    const outsideDir = tempDir();
    const ctx = createContext(store, dir, 'http', undefined, { files: withinFolders([dir]) });
    const preview = await dispatch(handlers, ctx, 'reports.preview', {
      scope: { kind: 'region' },
      lang: 'sw',
    });
    expect(preview.ok).toBe(true);
    const value = (preview as { value: { title: string; html: string } }).value;
    expect(value.title).toMatch(/^Ripoti — /);
    expect(value.html).toContain('<svg');
    const saved = await dispatch(handlers, ctx, 'reports.save', {
      scope: { kind: 'region' },
      lang: 'en',
      format: 'csv',
    });
    const file = (saved as { value: { path: string } }).value.path;
    expect(file.startsWith(join(dir, 'Reports'))).toBe(true);
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF')).toBe(true);
    const exported = await dispatch(handlers, ctx, 'reports.export', {
      scope: { kind: 'region' },
      lang: 'en',
      format: 'csv',
    });
    // The same report (its lines but the one saying when it was made).
    const lines = (text: string) => text.split('\n').filter((l) => !/Made|\d{2}:\d{2}:\d{2}/.test(l));
    expect(lines(readFileSync(file, 'utf8')).length).toBeGreaterThan(10);
    expect(lines((exported as { value: { content: string } }).value.content)).toEqual(
      lines(readFileSync(file, 'utf8')),
    );
    // In serve a page may not name a place outside the data folder.
    const outside = await dispatch(handlers, ctx, 'reports.save', {
      scope: { kind: 'region' },
      lang: 'en',
      format: 'csv',
      path: join(outsideDir, 'report.csv'),
    });
    expect(outside.ok === false && outside.error.reason).toBe('outside_allowed');
    expect(existsSync(join(outsideDir, 'report.csv'))).toBe(false);
    await ctx.jobs.close();
    store.close();
  });

  it.skipIf(!existsSync('/usr/bin/chromium') || !existsSync('/usr/bin/pdftotext'))(
    'a PDF built in the worker is printed by the runner’s one Chromium, kept for the next report',
    async () => {
      const { store, dir } = demoStore();
      const chromium = new ChromiumPrinter(() => findBrowser(), 60_000);
      let prints = 0;
      const printer = {
        print: (html: string, options: Record<string, unknown>) => (prints++, chromium.print(html, options)),
        close: () => chromium.close(),
      };
      const runner = new JobRunner({ storeFile: store.file, dataDir: dir, printer });
      try {
        for (const lang of ['en', 'sw'] as const) {
          const out = join(dir, `report-${lang}.pdf`);
          await runner.run('reports.save', { scope: { kind: 'region' }, lang, format: 'pdf', path: out });
          expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
          const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
          expect(text).toMatch(lang === 'en' ? /Report — / : /Ripoti — /);
          expect(text).toMatch(lang === 'en' ? /Page 1 of \d+/ : /Ukurasa 1 wa \d+/);
        }
        expect(prints).toBe(2);
      } finally {
        await chromium.close();
      }
      // No browser at all: the job says what to do, and writes nothing.
      const none = new JobRunner({
        storeFile: store.file,
        dataDir: dir,
        printer: new ChromiumPrinter(() => findBrowser(join(dir, 'no-browser')), 0),
      });
      await expect(
        none.run('reports.save', {
          scope: { kind: 'region' },
          lang: 'en',
          format: 'pdf',
          path: join(dir, 'x.pdf'),
        }),
      ).rejects.toThrow(/No browser at .*no-browser \(--browser\)/);
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
      store.close();
    },
  );

  it('a runner kept warm hands each job to a worker started ahead, and closes cleanly', async () => {
    const { store, dir, runner } = demoStore();
    runner.keepWarm();
    const request = { scope: { kind: 'region' as const }, lang: 'en' as const, format: 'csv' as const };
    const first = await runner.run('reports.export', request);
    // The next job finds the spare started after the first ended.
    const second = await runner.run('reports.save', { ...request, path: join(dir, 'r.csv') });
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').split('\n')[0]).toBe(first.content.split('\n')[0]);
    expect(second.bytes).toBeGreaterThan(100);
    const imported = await runner.run('sheets.import', sheet(schoolsSheet(store, 2)));
    expect(imported.written).toBe(2);
    await runner.close();
    store.close();
  });

  it('runs two reading jobs at once; a third waits its turn and, cancelled while waiting, never starts', async () => {
    const { store, runner } = demoStore();
    const request = { scope: { kind: 'region' as const }, lang: 'en' as const };
    const a = await runner.start('reports.preview', request);
    const b = await runner.start('reports.preview', request);
    const c = await runner.start('reports.preview', request);
    expect(a.progress.phase).not.toBe('waiting');
    expect(c.progress.phase).toBe('waiting');
    expect(runner.cancel(c.jobId)).toBe(true);
    expect(runner.status(c.jobId).state).toBe('cancelled');
    await expect(runner.wait(c.jobId)).rejects.toThrow(/Cancelled: nothing was changed/);
    const d = await runner.start('reports.preview', request);
    expect(d.progress.phase).toBe('waiting');
    for (const job of [a, b, d])
      await expect(runner.wait(job.jobId)).resolves.toMatchObject({ html: expect.any(String) });
    // Reading jobs never make the store busy for others.
    expect(runner.busy()).toBe(false);
    store.close();
  });
});

describe('spreadsheet imports as jobs', () => {
  it('a sheet with a refused row writes nothing and leaves no snapshot; a good one is snapshotted first, then written whole', async () => {
    const { store, runner, updates } = demoStore();
    const before = storeDigest(store).digest;
    const count = schools(store);
    await expect(runner.run('sheets.import', sheet(schoolsSheet(store, 3, 'Public')))).rejects.toThrow(
      /3 row\(s\) of district\.csv were refused; nothing was written/,
    );
    expect(listBackupFiles(store.file)).toEqual([]);
    expect(storeDigest(store).digest).toBe(before);

    const preview = await runner.run('sheets.preview', sheet(schoolsSheet(store, 3)));
    expect(preview.counts.add).toBe(3);
    expect(listBackupFiles(store.file)).toEqual([]); // a preview writes nothing at all
    expect(storeDigest(store).digest).toBe(before);

    updates.length = 0;
    const result = await runner.run('sheets.import', sheet(schoolsSheet(store, 3)));
    expect(result.preview.counts.add).toBe(3);
    expect(schools(store)).toBe(count + 3);
    const phases = updates.map((u) => u.progress.phase);
    expect(phases.indexOf('backup')).toBeGreaterThan(phases.indexOf('check'));
    expect(phases.lastIndexOf('write')).toBeGreaterThan(phases.indexOf('backup'));
    const backups = listBackupFiles(store.file);
    expect(backups.map((b) => b.kind)).toEqual(['before-import']);
    const snapshot = openStore(backups[0]!.path, { readonly: true });
    expect(storeDigest(snapshot).digest).toBe(before);
    snapshot.close();
    store.close();
  });

  it('holds the store while it imports: another writing job is refused, naming it', async () => {
    const { store, runner } = demoStore();
    const job = await runner.start('sheets.import', sheet(schoolsSheet(store, 400)));
    await expect(runner.start('region.loadDemo', {})).rejects.toThrow(
      /already importing a spreadsheet on this store/,
    );
    // A report may still be made meanwhile.
    await expect(
      runner.run('reports.preview', { scope: { kind: 'region' }, lang: 'en' }),
    ).resolves.toMatchObject({ title: expect.any(String) });
    await expect(runner.wait(job.jobId)).resolves.toMatchObject({ written: 400 });
    store.close();
  });

  it('cancelled while writing, the import rolls back to exactly the state before', async () => {
    const { store } = demoStore();
    const before = storeDigest(store).digest;
    let wrote = 0;
    const hooks = {
      progress: (p: JobProgress) => {
        if (p.phase === 'write' && p.done > 0) wrote = p.done; // inside the one transaction
      },
      cancelled: () => wrote > 0,
    };
    const run = jobRegistry['sheets.import'].run(store, sheet(schoolsSheet(store, 600)), hooks, {
      dataDir: tempDir(),
      backup: async () => undefined,
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(wrote).toBeGreaterThan(0);
    expect(storeDigest(store).digest).toBe(before);
    store.close();
  });
});
