import { call, inShell } from '../api.ts';

/**
 * Ways out for the printable plan (a standalone HTML document from `sessions.handout`).
 * In the app the shell turns it into a PDF (Electron's printToPDF); in a browser it opens
 * in a tab of its own, where the browser's print dialog prints it or saves a PDF.
 */
export async function saveHandoutPdf(html: string, fileName: string): Promise<string | null> {
  if (!inShell()) return null;
  const saved = await call('shell.printToPdf', { html, defaultName: `${fileName}.pdf` });
  return saved?.path ?? null;
}

export function openHandoutTab(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank');
  // The tab has its own copy once loaded; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Prints the plan from a hidden frame, without leaving the screen. */
export function printHandout(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 1000);
  };
  document.body.appendChild(frame);
}
