// Reports and spreadsheets-in benchmark: a region report in each format (targets < 2 s
// each), and a 5,000-row schools sheet previewed (< 3 s) and imported (< 5 s) into a copy
// of the cached store. Measured as the screens get them: jobs in the runner's worker (a
// spare kept warm, as in the app and serve; the PDF printed by the runner's Chromium),
// and, for comparison, the bare service calls.
//   node bench/reportsSheets.ts [--scale region] [--seed 7]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoStoreCopy } from './lib/demoStore.ts';
import type { DemoScale } from '../electron/demo/generate.ts';
import { JobRunner } from '../electron/services/jobs/runner.ts';
import { buildReportFile } from '../electron/services/reports/build.ts';
import { findBrowser, sharedPrinter } from '../electron/services/reports/pdf.ts';
import { previewSheet } from '../electron/services/sheets/service.ts';
import { reportFormats } from '../shared/reports/period.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', multiple: true }, seed: { type: 'string' } },
  strict: false,
});
const scales = ((values.scale as string[] | undefined) ?? ['region']) as DemoScale[];
const seed = Number(values.seed ?? 7);
const SHEET_ROWS = 5000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ms: number, target: number): string =>
  `${seconds(ms).padStart(8)}  (target < ${target} s, ${(ms / (target * 1000)).toFixed(2)} of it)`;

for (const scale of scales) {
  const { store, done } = demoStoreCopy(scale, seed, 'reports-sheets');
  try {
    console.log(
      `${scale}: ${(store.db.prepare('SELECT count(*) AS n FROM schools').get() as { n: number }).n} schools`,
    );
    let browser: string | undefined;
    try {
      browser = findBrowser();
    } catch {
      browser = undefined;
    }
    const runner = new JobRunner({ storeFile: store.file, dataDir: '/tmp/pamoja-bench' });
    runner.keepWarm();
    /** A coach does not click twice in a second: the spare worker is ready by the next job. */
    const settle = () => new Promise((r) => setTimeout(r, 2500));
    const job = async <T>(label: string, target: number, run: () => Promise<T>): Promise<T> => {
      await settle();
      const t = performance.now();
      const out = await run();
      console.log(`${label.padEnd(38)} ${verdict(performance.now() - t, target)}`);
      return out;
    };
    for (const format of reportFormats) {
      if (format === 'pdf' && !browser) {
        console.log('region report pdf: skipped (no Chromium on this machine)');
        continue;
      }
      const request = {
        scope: { kind: 'region' as const },
        format,
        lang: 'en' as const,
        today: '2026-11-20',
      };
      const runs = format === 'pdf' ? ['first, starting Chromium', 'again, Chromium kept warm'] : [''];
      for (const when of runs)
        await job(`region report ${format} as a job${when ? ` (${when})` : ''}`, 2, () =>
          runner.run('reports.export', request),
        );
      if (format === 'pdf') {
        // What the coach gets: opening the Reports screen starts Chromium while she chooses.
        await sharedPrinter().close();
        sharedPrinter().warm();
        await job('region report pdf as a job (first, warmed when the screen opened)', 2, () =>
          runner.run('reports.export', request),
        );
      }
      const t = performance.now();
      const file = await buildReportFile(
        store,
        { scope: { kind: 'region' }, format, lang: 'en' },
        { today: '2026-11-20', ...(browser && existsSync(browser) ? { browser } : {}) },
      );
      console.log(
        `${`  bare service call (${format})`.padEnd(38)} ${verdict(performance.now() - t, 2)}  ${file.bytes.length} bytes`,
      );
    }

    // A district list of 5,000 schools: into the region's clusters, some by an unknown cluster name.
    const clusters = store.db.prepare('SELECT name, lat, lon FROM clusters ORDER BY name').all() as {
      name: string;
      lat: number;
      lon: number;
    }[];
    const lines = [
      'District schools list',
      '',
      'Name of School;Cluster;Latitude;Longitude;Enrolment;Teachers;Setting',
    ];
    for (let i = 0; i < SHEET_ROWS; i++) {
      const c = clusters[i % clusters.length]!;
      const cluster = i % 97 === 0 ? `New Zone ${i % 5}` : c.name.toUpperCase();
      lines.push(
        `BENCH SCHOOL ${i} PRI;${cluster};${(c.lat + ((i % 50) - 25) / 1000).toFixed(4).replace('.', ',')};` +
          `${(c.lon + ((i % 40) - 20) / 1000).toFixed(4).replace('.', ',')};${300 + (i % 900)};${8 + (i % 20)};rural`,
      );
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const input = { kind: 'schools' as const, fileName: 'bench.csv', bytes, lang: 'en' as const };
    const content = Buffer.from(bytes).toString('base64');
    const request = { kind: 'schools' as const, fileName: 'bench.csv', content, lang: 'en' as const };
    const preview = await job(`preview ${SHEET_ROWS}-row schools sheet as a job`, 3, () =>
      runner.run('sheets.preview', request),
    );
    console.log(`  ${preview.counts.add} new, ${preview.rejected.length} refused`);
    const t = performance.now();
    await previewSheet(store, input);
    console.log(`${'  bare service call (preview)'.padEnd(38)} ${verdict(performance.now() - t, 3)}`);
    const result = await job(`import ${SHEET_ROWS}-row schools sheet as a job`, 5, () =>
      runner.run('sheets.import', request),
    );
    console.log(`  ${result.written} rows written (with the before-import snapshot)`);
    await runner.close();
    await sharedPrinter().close();
  } finally {
    done();
  }
}
