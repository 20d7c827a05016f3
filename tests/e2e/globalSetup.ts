import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Where the demo store that tests copy is made once per run. */
export const templateDir = join(process.cwd(), 'test-results', 'template');
export const demoTemplate = join(templateDir, 'demo.sqlite');

export default function globalSetup(): void {
  if (!existsSync(join(process.cwd(), 'dist', 'index.html'))) {
    throw new Error('Build the renderer first: npx vite build (npm run test:e2e does).');
  }
  rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(templateDir, { recursive: true });
  execFileSync(process.execPath, ['bin/pamoja.js', 'demo', '--db', demoTemplate, '--seed', '1'], {
    stdio: 'inherit',
  });
}
