import Database from 'better-sqlite3';
import type { Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Page object for writing down practices: the record screen's link, the form, the library. */
class PracticePages {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Plans a session for the cluster with the most overdue commitments and opens its record screen. */
  async recordNewSession(): Promise<{ clusterName: string; sessionId: string }> {
    const row = this.page.getByTestId('region-follow-up').locator('tbody tr').first();
    await expect(row).toBeVisible();
    const clusterName = (await row.locator('td').nth(0).textContent())!.trim();
    await this.page.getByRole('link', { name: 'Sessions' }).click();
    await this.page.getByTestId('sessions-cluster').selectOption({ label: clusterName });
    await this.page.getByRole('button', { name: 'Plan a session' }).click();
    await expect(this.page.getByTestId('agenda-item')).not.toHaveCount(0);
    await this.page.getByRole('button', { name: 'Save plan' }).click();
    await expect(this.page.getByTestId('session-status')).toHaveText('Planned');
    const sessionId = /#\/sessions\/([0-9a-f-]{36})/.exec(this.page.url())![1]!;
    await this.page.goto(this.page.url().replace(/#.*/, `#/sessions/${sessionId}/record`));
    await expect(this.page.getByRole('heading', { name: 'Record the CoP meeting' })).toBeVisible();
    return { clusterName, sessionId };
  }

  form() {
    return this.page.getByTestId('practice-form');
  }

  async fillWriteUp(w: { title: string; problem: string; steps: string[]; resources: string; time: string }) {
    const form = this.form();
    await form.getByLabel('Title').fill(w.title);
    await form.getByLabel('The problem it solves').fill(w.problem);
    // Enter in a step starts the next one.
    await form.getByRole('textbox', { name: 'Step 1' }).fill(w.steps[0]!);
    for (let i = 1; i < w.steps.length; i++) {
      await form.getByRole('textbox', { name: `Step ${i}` }).press('Enter');
      await expect(form.getByRole('textbox', { name: `Step ${i + 1}` })).toBeFocused();
      await this.page.keyboard.type(w.steps[i]!);
    }
    await form.getByLabel('What it needs').fill(w.resources);
    await form.getByLabel('Time it takes').fill(w.time);
    await form.getByLabel('Cost').selectOption({ label: 'No cost' });
    await form.getByLabel('Where it works').selectOption({ label: 'Rural' });
    await form.getByLabel('School size').selectOption({ label: 'Small schools' });
  }

  async searchLibrary(words: string) {
    await this.page.getByRole('link', { name: 'Practices', exact: true }).click();
    await this.page.getByTestId('practice-search').fill(words);
    return this.page.getByTestId('practice-results');
  }
}

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await expectAccessible(page, name, testInfo);
}

async function kiswahili(page: Page) {
  await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'pamoja.lang',
      'sw',
    ),
  );
  await page.reload();
}

const PRACTICE = {
  title: 'Mango tree reading corners',
  problem: 'Grade 3 learners have no quiet place to read after lunch',
  steps: ['Hang a sack of story books on the mango tree', 'Learners read in pairs for twenty minutes'],
  resources: 'Two sacks, thirty story books',
  time: 'One teacher on duty for twenty minutes a day; a term before reading shows it',
};

test('write a practice from a session record and find it in the library search and in a neighbouring cluster’s recommendations', async ({
  app,
}, testInfo) => {
  test.setTimeout(150_000);
  const pp = new PracticePages(app);
  const { clusterName } = await pp.recordNewSession();

  // "Write it down as a practice" opens the form on the record screen, prefilled from the session.
  const writeDown = app.getByTestId('write-down');
  await writeDown.getByRole('button', { name: 'Write it down as a practice' }).click();
  const form = pp.form();
  await expect(form.getByLabel('CoP it comes from').locator('option:checked')).toHaveText(clusterName);
  await expect(form.getByRole('button', { name: /^.+$/, pressed: true }).first()).toBeVisible();
  // Saving with nothing written says what is missing next to each field.
  await form.getByRole('button', { name: 'Save the practice' }).click();
  await expect(form.getByText('Give the practice a short title.')).toBeVisible();
  await expect(form.getByText('Say what problem it solves.')).toBeVisible();
  await expect(form.getByText('Write at least one step, so another school can do it.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveText('3 things to fix before saving — see the notes in red.');
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.scrollIntoViewIfNeeded();
  await look(app, testInfo, 'write-down-problems-en');
  await pp.fillWriteUp(PRACTICE);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await look(app, testInfo, 'write-down-filled-en');
  await form.getByRole('button', { name: 'Save the practice' }).click();
  await expect(writeDown.getByRole('status')).toHaveText(
    `“${PRACTICE.title}” is in the library and among the practices shared.`,
  );
  // It is among the practices shared in the record being typed.
  await expect(app.getByRole('checkbox', { name: PRACTICE.title })).toBeChecked();

  // The library search finds it.
  const results = await pp.searchLibrary('quiet place to read after lunch');
  const found = results
    .getByRole('heading', { level: 3 })
    .getByRole('link', { name: PRACTICE.title, exact: true });
  await expect(found).toBeVisible();
  await found.click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(PRACTICE.title);
  await expect(app.getByText(`From ${clusterName}`, { exact: false })).toBeVisible();
  await expect(app.locator('ol.steps li')).toHaveText(PRACTICE.steps);
  await expect(app.getByText(`Time: ${PRACTICE.time}`)).toBeVisible();
  await look(app, testInfo, 'practice-detail-en');

  // A neighbouring cluster asked about the problem is recommended it.
  await app.goto(app.url().replace(/#.*/, '#/clusters'));
  await app
    .locator('a.practice-card', { has: app.getByRole('heading', { name: clusterName, exact: true }) })
    .click();
  const neighbour = app.getByTestId('cluster-neighbours').locator('a').first();
  const neighbourName = (await neighbour.textContent())!.trim();
  await neighbour.click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(neighbourName);
  const recs = app.getByTestId('recommendations');
  await recs.getByLabel('What is this cluster struggling with?').fill('no quiet place to read after lunch');
  await recs.getByRole('button', { name: 'Ask' }).click();
  await expect(recs.locator('li.rec-card h3', { hasText: PRACTICE.title })).toBeVisible();
});

test('edit a practice, add evidence and an adoption with its outcome, merge another write-up', async ({
  app,
}, testInfo) => {
  test.setTimeout(150_000);
  const pp = new PracticePages(app);
  // From the library: a new practice.
  await app.getByRole('link', { name: 'Practices', exact: true }).click();
  await app.getByRole('link', { name: 'Write down a practice' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Write down a practice');
  await pp.fillWriteUp(PRACTICE);
  await pp.form().getByRole('button', { name: 'Attendance' }).click();
  await pp.form().getByLabel('CoP it comes from').selectOption({ index: 1 });
  await pp.form().getByLabel('School it comes from').selectOption({ index: 1 });
  const school = (await pp
    .form()
    .getByLabel('School it comes from')
    .locator('option:checked')
    .textContent())!;
  await look(app, testInfo, 'practice-new-en');
  await pp.form().getByRole('button', { name: 'Save the practice' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(PRACTICE.title);
  await expect(app.getByText(`From ${school}`, { exact: false })).toBeVisible();

  // Edit: the form holds the write-up as saved.
  await app.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(pp.form().getByLabel('Title')).toHaveValue(PRACTICE.title);
  await expect(pp.form().getByRole('textbox', { name: 'Step 2' })).toHaveValue(PRACTICE.steps[1]!);
  await expect(pp.form().getByLabel('Time it takes')).toHaveValue(PRACTICE.time);
  await pp.form().getByLabel('Title').fill('Mango tree reading corners after lunch');
  await look(app, testInfo, 'practice-edit-en');
  await pp.form().getByRole('button', { name: 'Save the practice' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Mango tree reading corners after lunch');

  // Evidence: an impossible rate is refused next to the field, then a figure before and after.
  const evidence = app.getByTestId('practice-evidence');
  await evidence.getByRole('button', { name: 'Add evidence' }).click();
  const ev = app.getByTestId('evidence-form');
  await ev.getByLabel('Indicator').selectOption({ label: 'Literacy at benchmark' });
  await ev.getByLabel('Before', { exact: true }).fill('41');
  await ev.getByLabel('After', { exact: true }).fill('140');
  await ev.getByLabel('Before: year or term').fill('2025-T1');
  await ev.getByLabel('After: year or term').fill('2024');
  await ev.getByRole('button', { name: 'Save the evidence' }).click();
  await expect(ev.getByText('This value is impossible for this indicator.')).toBeVisible();
  await expect(ev.getByText('The “after” period must come after the “before” period.')).toBeVisible();
  await look(app, testInfo, 'evidence-problems-en');
  await ev.getByLabel('After', { exact: true }).fill('58');
  await ev.getByLabel('After: year or term').fill('2025-T3');
  await ev.getByLabel(/What happened/).fill('The pairs read every day after lunch.');
  await ev.getByRole('button', { name: 'Save the evidence' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'The evidence is saved.' })).toBeVisible();
  await expect(evidence.locator('li')).toHaveCount(1);
  await expect(evidence).toContainText('41% → 58% (2025-T1 → 2025-T3)');
  await expect(evidence.getByText('1 piece of evidence')).toBeVisible();
  // A story.
  await evidence.getByRole('button', { name: 'Add evidence' }).click();
  await ev.getByLabel('A story').check();
  await ev.getByRole('button', { name: 'Save the evidence' }).click();
  await expect(ev.getByText('Write what happened.')).toBeVisible();
  await ev.getByLabel('What happened').fill('Parents asked for more books.');
  await ev.getByRole('button', { name: 'Save the evidence' }).click();
  await expect(evidence.getByText('2 pieces of evidence')).toBeVisible();

  // An adoption, then its outcome.
  const adoptions = app.getByTestId('practice-adoptions');
  await adoptions.getByRole('button', { name: 'Record an adoption' }).click();
  const ad = app.getByTestId('adoption-form');
  await ad.getByRole('button', { name: 'Save the adoption' }).click();
  await expect(ad.getByText('Choose at least one school.')).toBeVisible();
  const adopter = ad.getByRole('checkbox').first();
  const adopterName = (await adopter.locator('xpath=..').textContent())!.trim();
  await adopter.check();
  await look(app, testInfo, 'adoption-form-en');
  await ad.getByRole('button', { name: 'Save the adoption' }).click();
  await expect(adoptions.getByRole('status')).toHaveText(
    '1 school adopts it; record the outcome when it is known.',
  );
  await adoptions.getByRole('button', { name: `Record the outcome: ${adopterName}` }).click();
  const out = app.getByTestId('outcome-form');
  await out.getByLabel('What came of it').selectOption({ label: 'Improved' });
  await out.getByLabel('Judged on').selectOption({ label: 'Literacy at benchmark' });
  await look(app, testInfo, 'outcome-form-en');
  await out.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(adoptions.locator('li', { hasText: adopterName }).getByText('Improved')).toBeVisible();

  // Merge another write-up into this one: it asks first, then keeps its origin.
  await app.getByRole('button', { name: 'Merge with another write-up' }).click();
  const merge = app.getByTestId('merge-panel');
  // The panel searches this practice's title as it opens; a write-up of the same practice comes first.
  await expect(merge.getByRole('searchbox')).toHaveValue('Mango tree reading corners after lunch');
  const candidate = merge.locator('li').first();
  const otherTitle = (await candidate.locator('strong').textContent())!.trim();
  await look(app, testInfo, 'merge-candidates-en');
  await candidate.getByRole('button', { name: /^Merge into this one/ }).click();
  await expect(merge.getByRole('alertdialog')).toContainText(`Merge “${otherTitle}” into`);
  await look(app, testInfo, 'merge-confirm-en');
  await merge.getByRole('button', { name: 'Yes, merge them' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Merged:' })).toBeVisible();
  await expect(app.getByTestId('practice-origins')).toContainText(`“${otherTitle}” from`);
  // The evidence and adoptions of both are here.
  await expect(evidence.locator('li').first()).toBeVisible();
  expect(await evidence.locator(':scope > ul > li').count()).toBeGreaterThanOrEqual(2);
  await look(app, testInfo, 'practice-merged-en');
  // Evidence written by mistake is removed with Undo; so is the whole practice.
  const story = evidence.locator('li', { hasText: 'Parents asked for more books.' });
  await story.getByRole('button', { name: /^Remove this evidence/ }).click();
  await expect(story).toHaveCount(0);
  await app.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(story).toHaveCount(1);
  await app.getByRole('button', { name: 'Remove the practice' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Practice library');
  await expect(app.locator('.toast')).toContainText('Removed “Mango tree reading corners after lunch”');
  await app.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Mango tree reading corners after lunch');
  await expect(evidence.locator(':scope > ul > li')).toHaveCount(3);
  // The merged write-up is no longer found on its own.
  const results = await pp.searchLibrary(otherTitle);
  await expect(results.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expect(results.getByRole('link', { name: otherTitle, exact: true })).toHaveCount(0);
});

test('the practice screens in Kiswahili', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await kiswahili(app);
  await app.goto(app.url().replace(/#.*/, '#/practices/new'));
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Andika mbinu');
  const form = app.getByTestId('practice-form');
  await form.getByRole('button', { name: 'Hifadhi mbinu' }).click();
  await expect(form.getByText('Ipe mbinu jina fupi.')).toBeVisible();
  await expect(form.getByText('Chagua angalau kipaumbele kimoja inachosaidia.')).toBeVisible();
  await expect(form.getByText('Sema inatoka wapi: jumuiya, au mahali.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveText(
    'Mambo 5 ya kurekebisha kabla ya kuhifadhi — tazama maelezo mekundu.',
  );
  await look(app, testInfo, 'practice-new-sw');

  // A practice of the demo: its page, the edit form, evidence, adoption and merge forms.
  await app.goto(app.url().replace(/#.*/, '#/practices'));
  await app
    .getByTestId('practice-results')
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .first()
    .click();
  await expect(app.getByRole('link', { name: 'Hariri', exact: true })).toBeVisible();
  await look(app, testInfo, 'practice-detail-sw');
  await app.getByRole('button', { name: 'Ongeza ushahidi' }).click();
  const ev = app.getByTestId('evidence-form');
  await ev.getByLabel('Kabla', { exact: true }).fill('abc');
  await ev.getByRole('button', { name: 'Hifadhi ushahidi' }).click();
  await expect(ev.getByText('Andika namba hapa, k.m. 78 au 78.5.').first()).toBeVisible();
  await look(app, testInfo, 'evidence-form-sw');
  await ev.getByRole('button', { name: 'Ghairi' }).click();
  await app.getByRole('button', { name: 'Rekodi shule zinazoiga' }).click();
  await look(app, testInfo, 'adoption-form-sw');
  await app.getByTestId('adoption-form').getByRole('button', { name: 'Ghairi' }).click();
  await app
    .getByTestId('practice-adoptions')
    .getByRole('button', { name: /^(Rekodi|Badilisha) matokeo/ })
    .first()
    .click();
  await expect(app.getByTestId('outcome-form')).toBeVisible();
  await look(app, testInfo, 'outcome-form-sw');
  await app.getByTestId('outcome-form').getByRole('button', { name: 'Ghairi' }).click();
  await app.getByRole('button', { name: 'Unganisha na maelezo mengine' }).click();
  await app.getByTestId('merge-panel').getByRole('button', { name: 'Tafuta', exact: true }).click();
  await expect(app.getByTestId('merge-panel').locator('li').first()).toBeVisible();
  await look(app, testInfo, 'merge-panel-sw');
  await app
    .getByTestId('merge-panel')
    .getByRole('button', { name: /^Unganisha hapa/ })
    .first()
    .click();
  await expect(app.getByRole('alertdialog')).toContainText('Unganisha “');
  await look(app, testInfo, 'merge-confirm-sw');
  await app.getByRole('button', { name: 'Chagua nyingine' }).click();
  await app.getByRole('link', { name: 'Hariri', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Hariri mbinu');
  await look(app, testInfo, 'practice-edit-sw');

  // The record screen's "write it down".
  const pp = new PracticePages(app);
  await app.goto(app.url().replace(/#.*/, '#/'));
  await kiswahiliRecord(app, pp, testInfo);
});

/** The record screen in Kiswahili with the write-down form open (the plan is made in English). */
async function kiswahiliRecord(app: Page, pp: PracticePages, testInfo: TestInfo) {
  await app.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'pamoja.lang',
      'en',
    ),
  );
  await app.reload();
  await pp.recordNewSession();
  await kiswahili(app);
  await app.getByRole('button', { name: 'Iandike kama mbinu' }).click();
  await expect(app.getByTestId('practice-form')).toBeVisible();
  await app.getByTestId('practice-form').scrollIntoViewIfNeeded();
  await look(app, testInfo, 'write-down-sw');
}

test('a write-up another laptop also edited says so, keeping the other version', async ({
  app,
  served,
}, testInfo) => {
  // The other laptop's older title, as a merge leaves it in the change log.
  const db = new Database(served.db);
  const p = db.prepare('SELECT id, title FROM practices ORDER BY title LIMIT 1').get() as {
    id: string;
    title: string;
  };
  const hlc = db
    .prepare("SELECT max(hlc) FROM changes WHERE tbl = 'practices' AND row_id = ? AND col = 'title'")
    .pluck()
    .get(p.id) as number;
  const device = db
    .prepare("INSERT INTO devices (device_id, name, is_self) VALUES ('b0b0b0b0-laptop', 'Amina’s laptop', 0)")
    .run().lastInsertRowid;
  db.prepare(
    "INSERT INTO changes (tbl, row_id, col, value, hlc, device) VALUES ('practices', ?, 'title', ?, ?, ?)",
  ).run(p.id, `${p.title} (first version)`, hlc - 1024, device);
  db.close();
  await app.goto(app.url().replace(/#.*/, `#/practices/${p.id}`));
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(p.title);
  const history = app.getByTestId('field-history');
  await expect(history).toHaveCount(1);
  await expect(history.locator('summary')).toContainText('Also edited on Amina’s laptop on');
  await history.locator('summary').click();
  await expect(history).toContainText(`${p.title} (first version)`);
  await look(app, testInfo, 'practice-also-edited-en');
});
