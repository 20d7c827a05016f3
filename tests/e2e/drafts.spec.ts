import Database from 'better-sqlite3';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('typing for 15 s without a pause, then the laptop dies: all but the last 2 s are kept', async ({
  app,
  context,
  served,
}, testInfo) => {
  test.slow(); // 15 s of typing
  const db = new Database(served.db, { readonly: true });
  const id = db
    .prepare("SELECT id FROM sessions WHERE status = 'planned' AND kind = 'meeting' ORDER BY date LIMIT 1")
    .pluck()
    .get() as string;
  db.close();
  const base = served.url.replace(/#.*/, '');
  await app.goto(`${base}#/sessions/${id}/record`);
  await expect(app.getByRole('heading', { name: 'Record the CoP meeting' })).toBeVisible();
  const notes = app.getByPlaceholder('What was discussed');
  await notes.focus();

  // Keys without a pause longer than the autosave's quiet time, for 15 seconds.
  const words = 'the group agreed to visit homes of absent girls and report back next month ';
  const typed: { at: number; length: number }[] = [];
  let text = '';
  const start = Date.now();
  while (Date.now() - start < 15_000) {
    const ch = words[text.length % words.length]!;
    await app.keyboard.type(ch);
    text += ch;
    typed.push({ at: Date.now(), length: text.length });
  }
  const end = Date.now();
  await expectAccessible(app, 'session record while typing', testInfo);
  // The power goes: whatever the page would still send on closing never arrives.
  await context.route('**/api/sessions.saveDraft', (route) => route.abort());
  await app.close();
  await context.unroute('**/api/sessions.saveDraft');

  const again = await context.newPage();
  await again.goto(served.url);
  await again.goto(`${base}#/sessions/${id}/record`);
  await expect(again.getByTestId('autosave')).toContainText('Draft restored');
  const kept = await again.getByPlaceholder('What was discussed').inputValue();
  // Everything typed up to 2 s before the end (plus a little for the save's own round trip).
  const mustHave = [...typed].reverse().find((t) => t.at <= end - 2_500)!.length;
  expect(text.startsWith(kept)).toBe(true);
  expect(kept.length).toBeGreaterThanOrEqual(mustHave);
  expect(mustHave).toBeGreaterThan(20);
});
