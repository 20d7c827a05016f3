import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const check = (args: string[]) =>
  spawnSync(process.execPath, ['scripts/electronegativity.ts', ...args], { encoding: 'utf8' });

describe('Electronegativity in npm test (scripts/electronegativity.ts)', () => {
  it('fails on a finding nobody justified, naming it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'electron'));
    writeFileSync(
      join(dir, 'electron', 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const justified = join(dir, 'justified.json');
    writeFileSync(
      justified,
      JSON.stringify({ excludedChecks: [{ check: 'AvailableSecurityFixesGlobalCheck' }], findings: [] }),
    );
    const r = check(['--input', dir, '--justified', justified]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NOT JUSTIFIED CONTEXT_ISOLATION_JS_CHECK electron\/main\.js/);
  });

  it('passes on the shell as it is, every finding justified', () => {
    const r = check([]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/finding\(s\), \d+ justified/);
  });
});
