// Reports and spreadsheets-in benchmark: a region report in each format (targets < 2 s
// each), and a 5,000-row schools sheet previewed (< 3 s) and imported (< 5 s) into a copy
// of the cached store.
//   node bench/reportsSheets.ts [--scale region] [--seed 7]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { demoStoreCopy } from './lib/demoStore.ts';
import type { DemoScale } from '../electron/demo/generate.ts';
import { buildReportFile } from '../electron/services/reports/build.ts';
import { findBrowser } from '../electron/services/reports/pdf.ts';
import { importSheet, previewSheet } from '../electron/services/sheets/service.ts';
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
    for (const format of reportFormats) {
      if (format === 'pdf' && !browser) {
        console.log('region report pdf: skipped (no Chromium on this machine)');
        continue;
      }
      const t = performance.now();
      const file = await buildReportFile(
        store,
        { scope: { kind: 'region' }, format, lang: 'en' },
        { today: '2026-11-20', ...(browser && existsSync(browser) ? { browser } : {}) },
      );
      console.log(
        `region report ${format.padEnd(5)} ${verdict(performance.now() - t, 2)}  ${file.bytes.length} bytes`,
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
    let t = performance.now();
    const preview = await previewSheet(store, input);
    console.log(
      `preview ${SHEET_ROWS}-row schools sheet ${verdict(performance.now() - t, 3)}  ${preview.counts.add} new, ${preview.rejected.length} refused`,
    );
    t = performance.now();
    const result = await importSheet(store, input);
    console.log(
      `import  ${SHEET_ROWS}-row schools sheet ${verdict(performance.now() - t, 5)}  ${result.written} rows written`,
    );
  } finally {
    done();
  }
}
