import { describe, expect, it } from 'vitest';
import {
  BLANK_COMMITMENT_ROWS,
  handoutFileName,
  renderHandout,
} from '../../electron/services/sessions/handout.ts';
import { draftPlan, savePlan } from '../../electron/services/sessions/plan.ts';
import { sessionHandout } from '../../electron/services/sessions/print.ts';
import { tempStore } from './helpers.ts';
import { smallRegion } from './sessionsRegion.ts';

const count = (text: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? text.split(needle).length - 1 : (text.match(needle) ?? []).length;

function plannedHandout(lang: 'en' | 'sw' = 'en') {
  const store = tempStore();
  const r = smallRegion(store);
  const { problem: _p, ...plan } = draftPlan(
    store,
    {
      clusterId: r.mtwapa,
      date: '2026-03-10',
      kind: 'meeting',
      mode: 'in_person',
      problem: 'girls leave',
      lang,
    },
    () => [
      {
        id: r.practices.visits,
        title: 'Parent visitation groups',
        summary: 'Parents visit the homes of absent girls',
        why: ['Dropout 8.4% → 3.0% in 3 schools of Shimo la Tewa CoP, 4 km away'],
      },
    ],
  );
  const { id } = savePlan(store, { ...plan, place: 'Jumba Primary' });
  return { ...sessionHandout(store, id, lang), r };
}

describe('the printable session plan', () => {
  it('is one standalone A4 document: inline CSS, no script, no external files', () => {
    const { html } = plannedHandout();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('has the agenda in order with minutes, the practice summaries and their reasons', () => {
    const { html } = plannedHandout();
    const titles = [
      'Welcome, apologies and purpose of the meeting',
      'Review of commitments from the last meeting',
      'Data spotlight: Transition to secondary (girls)',
      'Practice spotlight: what worked nearby',
      'Peer review: plan the next visit',
      'New commitments and date of the next meeting',
    ];
    const positions = titles.map((t) => html.indexOf(`<h3>${t}</h3>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain('<b>Parent visitation groups</b> — Parents visit the homes of absent girls');
    expect(html).toContain('Dropout 8.4% → 3.0% in 3 schools of Shimo la Tewa CoP, 4 km away');
    expect(html).toContain('Total: 85 min');
    expect(html).toContain('Place: <b>Jumba Primary</b>');
  });

  it('draws the data spotlight as an inline SVG: two bars per school, the cluster and its neighbours', () => {
    const { html } = plannedHandout();
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg).toContain('role="img"');
    for (const label of [
      'Jumba Primary',
      'Mzambarauni Primary',
      'Mtwapa CoP average',
      'Shimo la Tewa CoP',
      'Rabai CoP',
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
    // 3 schools × 2 terms, the cluster × 2, Shimo × 2, Rabai only this term, + 2 legend swatches.
    expect(count(svg, '<rect')).toBe(6 + 2 + 2 + 1 + 2);
    expect(svg).toContain('>84.0%</text>');
    expect(html).toContain('Mtwapa CoP average: 73.0% in 2026-T1, 70.0% in 2025-T3.');
  });

  it('has the commitments to review, overdue first, with four blank review boxes and a blank note each', () => {
    const { html } = plannedHandout();
    const table = html.slice(
      html.indexOf('<table class="commitments">'),
      html.indexOf('</table>', html.indexOf('<table class="commitments">')),
    );
    expect(table).toMatch(
      /<th class="box">Done<\/th><th class="box">Partly<\/th><th class="box">Not done<\/th><th class="box">Dropped<\/th><th class="note">Note \/ reason<\/th>/,
    );
    const rows = table.split('<tr>').slice(2);
    expect(rows.map((row) => /<td class="who">[^<]*<\/td><td>([^<]*)<\/td>/.exec(row)?.[1])).toEqual([
      'Map where Grade 7 girls live',
      'Visit the families of absent girls',
      'Share the radio timetable on the noticeboard',
    ]);
    expect(rows.map((row) => row.includes('overdue'))).toEqual([true, true, false]);
    for (const row of rows) {
      expect(count(row, '<td class="box"></td>')).toBe(4);
      expect(count(row, '<td class="note"></td>')).toBe(1);
    }
    expect(count(html, '<tr class="blank">')).toBe(BLANK_COMMITMENT_ROWS);
    // Attendance: the four members two a line, each with blank present / apologies boxes.
    const attendance = html.slice(html.indexOf('<table class="attendance">'));
    expect(count(attendance, '<td class="box"></td>')).toBe(4 * 2);
    expect(count(attendance.slice(attendance.indexOf('<tbody>')), '<tr>')).toBe(2);
  });

  it('escapes what people typed', () => {
    const html = renderHandout(
      {
        clusterName: 'A & B <CoP>',
        kind: 'meeting',
        mode: 'whatsapp',
        date: '2026-03-10',
        place: '',
        title: '<script>alert(1)</script>',
        hostSchoolName: '',
        items: [{ id: 'x', kind: 'free', title: '"Quoted" <b>', minutes: 5, notes: "it's <i>" }],
        members: [],
        commitments: [
          {
            ownerName: 'Amina',
            action: '<img src=x onerror=alert(1)>',
            dueDate: '2026-03-01',
            overdue: true,
          },
        ],
      },
      'en',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &lt;CoP&gt;');
    expect(html).toContain('&quot;Quoted&quot; &lt;b&gt;');
    expect(html).toContain('Mode: <b>WhatsApp</b>');
  });

  it('prints in Kiswahili, and names its file after the cluster and date', () => {
    const { html, fileName } = plannedHandout('sw');
    expect(html).toContain('<html lang="sw">');
    expect(html).toContain('<h2>Ajenda</h2>');
    expect(html).toContain('<h2>Ahadi za kupitia</h2>');
    expect(html).toContain('Mapitio ya ahadi za mkutano uliopita');
    expect(fileName).toBe('plan-mtwapa-cop-2026-03-10');
    expect(handoutFileName('Shimo la Tewa / Kilifi', '2026-01-02')).toBe(
      'plan-shimo-la-tewa-kilifi-2026-01-02',
    );
  });
});
