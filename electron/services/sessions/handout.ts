import { fill, type Lang } from '../../../shared/i18n.ts';
import { indicatorLabel, kindLabel, modeLabel, roleLabel } from '../../../shared/labels.ts';
import {
  indicatorDefs,
  reviewOutcomes,
  type MemberRole,
  type SessionKind,
  type SessionMode,
} from '../../../shared/schema/enums.ts';
import { totalMinutes, type AgendaItem, type DataSpotlight } from '../../../shared/sessions/agenda.ts';
import { formatFigure, spotlightRows } from '../../../shared/sessions/chart.ts';
import { escapeHtml as esc } from './escape.ts';
import { spotlightSvg } from './handoutChart.ts';
import { handoutWords, outcomeHeadings } from './handoutText.ts';

/**
 * The printable session plan: one standalone HTML document (inline CSS and SVG, no
 * script, no external files) laid out for A4, one or two pages. Pure, so it is the same
 * from the app (Electron's printToPDF), the browser (print) and the CLI (`pamoja plan`).
 */
export interface HandoutInput {
  clusterName: string;
  kind: SessionKind;
  mode: SessionMode;
  date: string;
  place: string;
  title: string;
  hostSchoolName: string;
  items: readonly AgendaItem[];
  members: readonly { name: string; role: MemberRole; schoolName: string }[];
  /** Commitments to review at this session, overdue first. */
  commitments: readonly { ownerName: string; action: string; dueDate: string; overdue: boolean }[];
}

/** Blank lines on the printed form for commitments made at the meeting. */
export const BLANK_COMMITMENT_ROWS = 5;
/** The printed plan keeps each practice short so the whole plan fits on two pages. */
export const PRINTED_REASONS = 2;
const SUMMARY_CHARS = 240;

const shorten = (text: string, max: number): string =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`;

const CSS = `
@page { size: A4; margin: 12mm 13mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9pt; line-height: 1.32;
  color: #1d2a2f; margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen { body { max-width: 186mm; margin: 8mm auto; padding: 0 4mm; } }
h1 { font-size: 15pt; margin: 0 0 1mm; color: #0a4643; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; padding-bottom: 0.6mm; border-bottom: 1.5px solid #0f5e5a; color: #0a4643; }
h3 { font-size: 10pt; margin: 0 0 1mm; }
p { margin: 0 0 1.2mm; }
.meta { display: flex; flex-wrap: wrap; gap: 1mm 6mm; color: #41545a; margin-bottom: 2mm; }
.meta b { color: #1d2a2f; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.8px solid #9aa9ad; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #e2f0ee; font-size: 8.5pt; }
tr, .item, figure { break-inside: avoid; }
table.agenda td.n { width: 7mm; text-align: right; }
table.agenda td.t { width: 15mm; white-space: nowrap; }
table.commitments { table-layout: fixed; }
table.commitments th { font-size: 7.5pt; overflow-wrap: anywhere; }
table.commitments .box { width: 16.5mm; }
table.commitments th.box { padding: 1mm 0.6mm; font-size: 7pt; }
table.commitments .note { width: 25mm; }
table.commitments .who { width: 22mm; }
table.commitments .due { width: 21mm; white-space: nowrap; }
tr.blank td { height: 8mm; }
.overdue { color: #b3261e; font-weight: bold; }
.muted { color: #5b6b70; }
ul.practices { margin: 1mm 0 0; padding-left: 4.5mm; }
ul.practices > li { margin-bottom: 1.2mm; }
ul.why { margin: 0.3mm 0 0; padding-left: 4mm; color: #41545a; font-size: 8pt; line-height: 1.25; }
figure { margin: 1.5mm 0 0; }
figcaption { font-size: 8.5pt; color: #41545a; }
svg.chart { display: block; max-width: 100%; }
table.attendance { table-layout: fixed; font-size: 8.5pt; }
table.attendance td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.attendance .box { width: 16.5mm; }
table.attendance th.box { padding: 1mm 0.6mm; font-size: 7pt; overflow-wrap: anywhere; }
footer { margin-top: 4mm; font-size: 8pt; color: #5b6b70; }
`;

export function renderHandout(h: HandoutInput, lang: Lang): string {
  const w = handoutWords[lang];
  const heading = h.title.trim() || kindLabel(lang, h.kind);
  const meta = [
    [w.cluster, h.clusterName],
    [w.date, h.date],
    [w.mode, modeLabel(lang, h.mode)],
    ...(h.place.trim() ? [[w.place, h.place]] : []),
    ...(h.kind === 'peer_review' && h.hostSchoolName ? [[w.host, h.hostSchoolName]] : []),
  ];
  const body = [
    `<header><h1>${esc(heading)}</h1>`,
    `<div class="meta">${meta.map(([k, v]) => `<span>${esc(k!)}: <b>${esc(v!)}</b></span>`).join('')}`,
    `<span>${esc(fill(w.total, { n: totalMinutes(h.items) }))}</span></div></header>`,
    `<section><h2>${esc(w.agenda)}</h2>${agendaTable(h, lang)}</section>`,
    h.kind === 'meeting' || h.commitments.length ? commitmentsSection(h, lang) : '',
    newCommitmentsSection(lang, h.kind),
    attendanceSection(h, lang),
    `<footer>${esc(w.footer)}</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(`${w.plan} — ${h.clusterName} — ${h.date}`)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function agendaTable(h: HandoutInput, lang: Lang): string {
  const w = handoutWords[lang];
  const rows = h.items.map(
    (item, i) =>
      `<tr class="item"><td class="n">${i + 1}.</td><td><h3>${esc(item.title)}</h3>${itemBody(item, h, lang)}${
        item.notes.trim() ? `<p>${esc(item.notes)}</p>` : ''
      }</td><td class="t">${item.minutes ? esc(fill(w.min, { n: item.minutes })) : ''}</td></tr>`,
  );
  return `<table class="agenda"><thead><tr><th></th><th>${esc(w.item)}</th><th>${esc(w.time)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function itemBody(item: AgendaItem, h: HandoutInput, lang: Lang): string {
  const w = handoutWords[lang];
  switch (item.kind) {
    case 'commitments_review':
      return `<p class="muted">${esc(fill(w.reviewCount, { n: h.commitments.length }))}</p>`;
    case 'data_spotlight':
      return item.spotlight
        ? spotlightFigure(item.spotlight, h.clusterName, lang)
        : `<p class="muted">${esc(w.noData)}</p>`;
    case 'practice_spotlight':
      return (
        (item.problem.trim() ? `<p><b>${esc(w.problem)}:</b> ${esc(item.problem)}</p>` : '') +
        `<ul class="practices">${item.practices
          .map(
            (p) =>
              `<li><b>${esc(p.title)}</b> — ${esc(shorten(p.summary, SUMMARY_CHARS))}${
                p.why.length
                  ? `<ul class="why">${p.why
                      .slice(0, PRINTED_REASONS)
                      .map((x) => `<li>${esc(x)}</li>`)
                      .join('')}</ul>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      );
    case 'peer_review':
      return [
        item.hostSchoolName ? `<p><b>${esc(w.host)}:</b> ${esc(item.hostSchoolName)}</p>` : '',
        item.enquiryQuestion.trim() ? `<p><b>${esc(w.enquiry)}:</b> ${esc(item.enquiryQuestion)}</p>` : '',
        item.evidenceToGather.trim() ? `<p><b>${esc(w.evidence)}:</b> ${esc(item.evidenceToGather)}</p>` : '',
      ].join('');
    case 'free':
      return '';
  }
}

function spotlightFigure(s: DataSpotlight, clusterName: string, lang: Lang): string {
  const w = handoutWords[lang];
  const label = fill(w.clusterAverage, { cluster: clusterName });
  const rows = spotlightRows(s, label);
  const svg = spotlightSvg(s, rows, {
    neighbours: w.neighbours,
    direction: indicatorDefs[s.indicator].better === 'up' ? w.higher : w.lower,
    title: indicatorLabel(lang, s.indicator),
  });
  const caption = fill(w.caption, {
    cluster: clusterName,
    current: formatFigure(s, s.cluster.current),
    term: s.term,
    previous: formatFigure(s, s.cluster.previous),
    previousTerm: s.previousTerm ?? '–',
  });
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

function commitmentsSection(h: HandoutInput, lang: Lang): string {
  const w = handoutWords[lang];
  if (!h.commitments.length)
    return `<section><h2>${esc(w.toReview)}</h2><p class="muted">${esc(w.noCommitments)}</p></section>`;
  const outcomes = reviewOutcomes
    .map((o) => `<th class="box">${esc(outcomeHeadings[lang][o])}</th>`)
    .join('');
  const rows = h.commitments.map(
    (c) =>
      `<tr><td class="who">${esc(c.ownerName)}</td><td>${esc(c.action)}</td><td class="due">${esc(c.dueDate)}${
        c.overdue ? `<br><span class="overdue">${esc(w.overdue)}</span>` : ''
      }</td>${reviewOutcomes.map(() => '<td class="box"></td>').join('')}<td class="note"></td></tr>`,
  );
  return `<section><h2>${esc(w.toReview)}</h2><table class="commitments"><thead><tr><th class="who">${esc(w.who)}</th><th>${esc(
    w.what,
  )}</th><th class="due">${esc(w.due)}</th>${outcomes}<th class="note">${esc(w.noteReason)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function newCommitmentsSection(lang: Lang, kind: SessionKind): string {
  const w = handoutWords[lang];
  const blank = '<tr class="blank"><td></td><td></td><td></td><td></td></tr>'.repeat(
    kind === 'peer_review' ? BLANK_COMMITMENT_ROWS + 1 : BLANK_COMMITMENT_ROWS,
  );
  return `<section><h2>${esc(w.newCommitments)}</h2><table class="new"><thead><tr><th style="width:36mm">${esc(
    w.who,
  )}</th><th>${esc(w.what)}</th><th style="width:22mm">${esc(w.byWhen)}</th><th style="width:36mm">${esc(
    w.witnessed,
  )}</th></tr></thead><tbody>${blank}</tbody></table></section>`;
}

/** Two members a row, so a register of fifteen takes eight lines of the page. */
function attendanceSection(h: HandoutInput, lang: Lang): string {
  const w = handoutWords[lang];
  if (!h.members.length) return '';
  const cell = (m: HandoutInput['members'][number] | undefined): string =>
    m
      ? `<td>${esc(m.name)}<span class="muted"> — ${esc(roleLabel(lang, m.role))}${
          m.schoolName ? `, ${esc(m.schoolName)}` : ''
        }</span></td><td class="box"></td><td class="box"></td>`
      : '<td></td><td></td><td></td>';
  const rows: string[] = [];
  for (let i = 0; i < h.members.length; i += 2)
    rows.push(`<tr>${cell(h.members[i])}${cell(h.members[i + 1])}</tr>`);
  const head = `<th>${esc(w.member)}</th><th class="box">${esc(w.present)}</th><th class="box">${esc(w.apologies)}</th>`;
  return `<section><h2>${esc(w.attendance)}</h2><table class="attendance"><thead><tr>${head}${head}</tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table></section>`;
}

/** A file name for the saved plan, e.g. "plan-mtwapa-2026-03-12". */
export function handoutFileName(clusterName: string, date: string): string {
  const slug = clusterName
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `plan-${slug || 'cluster'}-${date}`;
}
