// Times the demo generator per scale (rows, field changes, file size) and simulated edits.
//   node bench/demo.ts [--scale small|region|country ...] [--seed 1]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../electron/db/store.ts';
import { generateDemo, type DemoScale } from '../electron/demo/generate.ts';
import { simulateEdits } from '../electron/demo/simulate.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', multiple: true }, seed: { type: 'string' } },
});
const scales = (values.scale ?? ['region', 'country']) as DemoScale[];
const seed = Number(values.seed ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'pamoja-bench-demo-'));
try {
  for (const scale of scales) {
    const file = join(dir, `${scale}.sqlite`);
    const store = openStore(file);
    let started = performance.now();
    const summary = generateDemo(store, { seed, scale });
    const generateS = (performance.now() - started) / 1000;
    const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    const changes = (store.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
    const edits = scale === 'country' ? 200 : 1000;
    started = performance.now();
    simulateEdits(store, { edits, seed });
    const simulateMs = (performance.now() - started) / edits;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const mb = statSync(file).size / 1024 / 1024;
    console.log(
      `${scale.padEnd(8)} generate ${generateS.toFixed(1)} s, ${rows} rows, ${changes} field changes, ` +
        `${mb.toFixed(0)} MB; simulate ${simulateMs.toFixed(2)} ms per edit (${edits} edits)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
