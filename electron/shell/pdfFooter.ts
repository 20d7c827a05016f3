const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Chromium's PDF footer for a label such as "Page {page} of {pages}" ("Ukurasa {page} kati ya
 * {pages}"): the placeholders become the printer's page-number fields, the rest is text.
 * Footer templates get no page styles, so the font size is given here.
 */
export function footerTemplate(label: string): string {
  const parts = label
    .split(/(\{page\}|\{pages\})/)
    .map((part) =>
      part === '{page}'
        ? '<span class="pageNumber"></span>'
        : part === '{pages}'
          ? '<span class="totalPages"></span>'
          : escapeHtml(part),
    );
  return `<div style="width:100%;font-size:9px;font-family:sans-serif;text-align:center;color:#444">${parts.join('')}</div>`;
}
