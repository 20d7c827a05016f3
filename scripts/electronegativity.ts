import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Electronegativity (Doyensec's Electron security checker) over the shell's code, as part of
 * `npm test`. Every finding must be justified in docs/electronegativity.json (check + file +
 * why); an unjustified finding, or a justification nothing needs any more, fails.
 *
 *   node scripts/electronegativity.ts [--input DIR] [--justified FILE]
 *
 * It runs offline: scripts/offline-got.cjs stops its network fetches (translations, the
 * Electron releases list), and the check that needs that list is excluded (see the file).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { input: { type: 'string' }, justified: { type: 'string' } },
});

interface Justification {
  check: string;
  file: string;
  why: string;
}
interface Sarif {
  runs: {
    results: {
      ruleId: string;
      message?: { text?: string };
      locations?: {
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
      }[];
    }[];
  }[];
}

const work = mkdtempSync(join(tmpdir(), 'pamoja-electronegativity-'));
try {
  // What ships in the shell: its code, and the page's HTML (for the CSP <meta>).
  const input = values.input ? resolve(values.input) : join(work, 'app');
  if (!values.input) {
    cpSync(join(root, 'electron'), join(input, 'electron'), { recursive: true });
    mkdirSync(join(input, 'renderer'));
    cpSync(join(root, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  }
  const justifiedFile = values.justified
    ? resolve(values.justified)
    : join(root, 'docs', 'electronegativity.json');
  const justified = JSON.parse(readFileSync(justifiedFile, 'utf8')) as {
    excludedChecks: Justification[];
    findings: Justification[];
  };
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const out = join(work, 'findings.sarif');
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(root, 'scripts', 'offline-got.cjs'),
      join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'),
      '--input',
      input,
      '--relative',
      '--electron-version',
      electronVersion,
      '--exclude-checks',
      justified.excludedChecks.map((c) => c.check).join(','),
      '--output',
      out,
      '--verbose',
      'false',
    ],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`Electronegativity stopped with ${run.status}`);
  }
  const found = (JSON.parse(readFileSync(out, 'utf8')) as Sarif).runs[0]!.results.map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    return {
      check: r.ruleId,
      file: (where?.artifactLocation?.uri ?? '').replace(/^file:\/\//, ''),
      line: where?.region?.startLine ?? 0,
      text: r.message?.text ?? '',
    };
  });
  const isJustified = (f: { check: string; file: string }) =>
    justified.findings.some((j) => j.check === f.check && j.file === f.file);
  const unjustified = found.filter((f) => !isJustified(f));
  const stale = justified.findings.filter(
    (j) => !found.some((f) => f.check === j.check && f.file === j.file),
  );
  console.log(
    `Electronegativity ${electronVersion}: ${found.length} finding(s), ${found.length - unjustified.length} justified in ${justifiedFile.replace(root + '/', '')}.`,
  );
  for (const f of unjustified) console.error(`  NOT JUSTIFIED ${f.check} ${f.file}:${f.line} — ${f.text}`);
  for (const j of stale) console.error(`  NO LONGER FOUND (remove its justification) ${j.check} ${j.file}`);
  process.exitCode = unjustified.length || stale.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
