import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';
import { escapeHtml } from '../sessions/escape.ts';
import { ChromiumPrinter } from './chromium.ts';

/**
 * PDF outside the Electron shell: the report's HTML printed by a Chromium-family browser
 * found on the machine (or named with `--browser`), driven headless (./chromium.ts). The
 * app itself uses Electron's printToPDF with the same options (`pdfPrintOptions`).
 */

/** Page numbers in the footer, the report's title beside them. Shared with the shell's printToPDF. */
export function pdfFooter(title: string, page: string, of: string): string {
  return `<div style="font-size:8px;width:100%;margin:0 12mm;color:#4d5d62;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escapeHtml(title)}</span><span>${escapeHtml(page)} <span class="pageNumber"></span> ${escapeHtml(of)} <span class="totalPages"></span></span></div>`;
}

export function pdfPrintOptions(footer: string) {
  return {
    landscape: true,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  };
}

const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'msedge',
  'brave-browser',
];
const WELL_KNOWN = [
  '/usr/bin/chromium',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser to print with: the one named, else the first Chromium-family one found. */
export function findBrowser(named?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (named) {
    if (!existsSync(named)) throw new PamojaError('invalid', `No browser at ${named} (--browser)`, 'browser');
    return named;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of CANDIDATES)
    for (const dir of dirs)
      for (const ext of exts) {
        const file = join(dir, name + ext);
        if (existsSync(file)) return file;
      }
  const known = WELL_KNOWN.find((f) => existsSync(f));
  if (known) return known;
  throw new PamojaError(
    'invalid',
    'Making a PDF needs Chromium, Google Chrome or Microsoft Edge, and none was found on this computer. ' +
      'Install one, or name it with --browser PATH, or save the report as HTML and print it from any browser.',
    'browser',
  );
}

let shared: ChromiumPrinter | null = null;

/**
 * The process's own printer (serve, the app when it has no printer of its own): one
 * Chromium kept warm between reports and closed a minute after the last.
 */
export function sharedPrinter(): ChromiumPrinter {
  shared ??= new ChromiumPrinter(() => findBrowser());
  return shared;
}

/** Prints an HTML document to PDF bytes with a headless Chromium started for it alone. */
export async function htmlToPdf(html: string, footer: string, browser: string): Promise<Buffer> {
  const printer = new ChromiumPrinter(() => browser, 0);
  try {
    return await printer.print(html, pdfPrintOptions(footer));
  } finally {
    await printer.close();
  }
}
