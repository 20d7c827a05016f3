import { readFileSync } from 'node:fs';

/** The app's version, from package.json (read once; the file ships with the app). */
export const appVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
