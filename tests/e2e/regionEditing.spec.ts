import type { Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Page object for a CoP's page and its editing parts. */
class CopPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  schools() {
    return this.page.getByTestId('cluster-schools');
  }
  members() {
    return this.page.getByTestId('cluster-members');
  }
  async addSchool(s: { name: string; head: string; learners: string; teachers: string; code: string }) {
    await this.schools().getByRole('button', { name: 'Add a school' }).click();
    const form = this.page.getByTestId('school-form');
    await form.getByLabel('School name').fill(s.name);
    await form.getByLabel('Headteacher').fill(s.head);
    await form.getByLabel('Learners').fill(s.learners);
    await form.getByLabel('Teachers').fill(s.teachers);
    await form.getByLabel(/Official code/).fill(s.code);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.schools().getByRole('cell', { name: new RegExp(`^${s.name}`) })).toBeVisible();
  }
  async addMember(m: { name: string; role: string; school?: string; phone: string }) {
    await this.members().getByRole('button', { name: 'Add a member' }).click();
    const form = this.page.getByTestId('member-form');
    await form.getByLabel('Full name').fill(m.name);
    await form.getByLabel('Role').selectOption({ label: m.role });
    if (m.school) await form.getByLabel('School').selectOption({ label: m.school });
    await form.getByLabel(/Phone/).fill(m.phone);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.members().getByText(m.name)).toBeVisible();
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

test('create a CoP placed on the map, with two schools and three members', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  await app.getByRole('link', { name: 'Clusters' }).click();
  await app.getByRole('link', { name: 'New CoP' }).click();
  const form = app.getByTestId('cluster-form');
  // Saving empty shows each message next to its field, in the coach's words.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Please fill this in.')).toBeVisible();
  await expect(form.getByText('Write a number here, e.g. -3.63 or 39.85.').first()).toBeVisible();
  await expect(form.getByText('2 things to fix — see the notes in red.')).toHaveCount(0);
  await expect(form.getByRole('alert')).toHaveText('3 things to fix — see the notes in red.');
  await form.getByLabel('Name of the CoP').fill('mnarani cop');
  await expect(form.getByText('Another one already has this name.', { exact: false })).toBeVisible();
  await form.getByLabel('Name of the CoP').fill('Kaloleni Hills');
  await form.getByLabel('Where it meets').fill('Kaloleni DEO office');
  await form.getByLabel('Coach').fill('Amina Chai');
  // A click on the map sets the location.
  const picker = app.getByTestId('map-picker');
  await expect(picker.locator('circle.cluster-point').first()).toBeVisible();
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.4, y: box.height * 0.5 } });
  await expect(form.getByLabel('Latitude')).not.toHaveValue('');
  const lat = Number(await form.getByLabel('Latitude').inputValue());
  const lon = Number(await form.getByLabel('Longitude').inputValue());
  expect(lat).toBeGreaterThan(-5);
  expect(lat).toBeLessThan(-2);
  expect(lon).toBeGreaterThan(38.5);
  expect(lon).toBeLessThan(41);
  await look(app, testInfo, 'cop-new-en');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Kaloleni Hills');
  await expect(app.getByRole('status').filter({ hasText: 'is ready' })).toBeVisible();
  const cop = new CopPage(app);
  await cop.addSchool({
    name: 'Mwijo Primary',
    head: 'Grace Mwaka',
    learners: '520',
    teachers: '14',
    code: 'KLF-0041',
  });
  await cop.addSchool({
    name: 'Kinani Primary',
    head: 'Hassan Kombo',
    learners: '380',
    teachers: '9',
    code: '',
  });
  await cop.addMember({
    name: 'Grace Mwaka',
    role: 'Headteacher',
    school: 'Mwijo Primary',
    phone: '0712 345 678',
  });
  await cop.addMember({ name: 'Hassan Kombo', role: 'Headteacher', school: 'Kinani Primary', phone: '' });
  // A bad phone number is refused next to the field; fixing it saves.
  await cop.members().getByRole('button', { name: 'Add a member' }).click();
  const member = app.getByTestId('member-form');
  await member.getByLabel('Full name').fill('Rehema Dzombo');
  await member.getByLabel('Role').selectOption({ label: 'Improvement champion' });
  await member.getByLabel(/Phone/).fill('12ab');
  await member.getByRole('button', { name: 'Save' }).click();
  await expect(member.getByText('Write a phone number of 7 to 15 digits', { exact: false })).toBeVisible();
  await look(app, testInfo, 'member-form-problem-en');
  await member.getByLabel(/Phone/).fill('+254 733 100 200');
  await member.getByRole('button', { name: 'Save' }).click();
  await expect(cop.members().getByRole('heading', { level: 2 })).toHaveText('Members (3)');
  await expect(cop.schools().getByRole('heading')).toHaveText('Schools (2)');

  // Priorities for a period, criteria, a neighbour from the nearest suggestions.
  await app.getByRole('button', { name: 'Edit the priorities' }).click();
  const priorities = app.getByTestId('priorities-form');
  await priorities.getByLabel('Priority 1: area').selectOption({ label: 'Attendance' });
  await priorities
    .getByLabel(/In the CoP’s words/)
    .first()
    .fill('Every child in school every day');
  await priorities.getByLabel('For the period').first().fill('2026');
  await priorities.getByRole('button', { name: 'Add a priority' }).click();
  await priorities.getByLabel('Priority 2: area').selectOption({ label: 'Early literacy' });
  await priorities.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByTestId('cluster-agreements')).toContainText('Every child in school every day');
  await app.getByRole('button', { name: 'Edit the criteria' }).click();
  await app
    .getByRole('textbox', { name: 'Our criteria of an effective school' })
    .fill('Every child reads by Grade 3\nParents visit each term');
  await app.getByTestId('cluster-agreements').getByRole('button', { name: 'Save' }).click();
  await expect(app.getByTestId('cluster-agreements')).toContainText('Parents visit each term');
  const neighbours = app.getByTestId('cluster-neighbours');
  await neighbours
    .getByRole('button', { name: /^Declare .* a neighbour$/ })
    .first()
    .click();
  await expect(neighbours.getByRole('link')).toHaveCount(1);
  await look(app, testInfo, 'cop-page-edited-en');

  // A school moves to another CoP (its head goes with it) and another closes with a reason.
  await cop.schools().getByRole('button', { name: 'Close Kinani Primary' }).click();
  await app.getByLabel('Why it closed').fill('Merged with Mwijo Primary');
  await app
    .getByRole('form', { name: 'Close Kinani Primary' })
    .getByRole('button', { name: 'Close' })
    .click();
  await expect(cop.schools()).toContainText('Merged with Mwijo Primary');
  await expect(cop.schools().getByRole('heading')).toHaveText('Schools (1)');

  await kiswahili(app);
  await expect(app.getByTestId('cluster-schools').getByRole('heading')).toHaveText('Shule (1)');
  await look(app, testInfo, 'cop-page-edited-sw');
  await app.getByRole('button', { name: 'Hariri jumuiya hii' }).click();
  await app.getByLabel('Jina la jumuiya').fill('');
  await app.getByRole('button', { name: 'Hifadhi' }).click();
  await expect(app.getByText('Tafadhali jaza hapa.')).toBeVisible();
  await look(app, testInfo, 'cop-edit-sw');
});

test('remove a member, undo it, remove again and restore from Recently removed', async ({
  app,
}, testInfo) => {
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  const members = app.getByTestId('cluster-members');
  const heading = members.getByRole('heading');
  const before = await heading.textContent();
  const name = (await members.locator('li.member-row').first().locator('div').first().textContent())!
    .split('—')[0]!
    .trim();
  await members.getByRole('button', { name: `Remove ${name}` }).click();
  const toast = app.getByTestId('undo-toast');
  await expect(toast).toContainText(`Removed “${name}”`);
  await expect(heading).not.toHaveText(before!);
  await app.screenshot({ path: testInfo.outputPath('undo-toast-en.png') });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(heading).toHaveText(before!);
  await expect(app.getByRole('status').filter({ hasText: 'Brought back.' })).toBeVisible();

  await members.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(heading).not.toHaveText(before!);
  await app.getByRole('link', { name: 'Recently removed' }).click();
  const list = app.getByTestId('removed-list');
  await expect(list).toContainText(name);
  await look(app, testInfo, 'recently-removed-en');
  await kiswahili(app);
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Vilivyoondolewa karibuni');
  await look(app, testInfo, 'recently-removed-sw');
  await app.getByRole('button', { name: `Rejesha ${name}` }).click();
  await expect(app.getByText(`“${name}” imerudi.`)).toBeVisible();
  await expect(app.getByText('Hakuna kilichoondolewa karibuni.')).toBeVisible();
  await app.goBack();
  await app.goBack();
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  await expect(app.getByTestId('cluster-members')).toContainText(name);
});

test('add the newcomer while recording, keeping everything typed', async ({ app, served }, testInfo) => {
  // A planned meeting of the first CoP: plan it from the sessions screen.
  await app.getByRole('link', { name: 'Sessions' }).click();
  await app.getByTestId('sessions-cluster').selectOption({ index: 1 });
  await app.getByRole('button', { name: 'Plan a session' }).click();
  await expect(app.getByTestId('agenda-item')).not.toHaveCount(0);
  await app.getByRole('button', { name: 'Save plan' }).click();
  await expect(app.getByTestId('session-status')).toHaveText('Planned');
  const id = /#\/sessions\/([0-9a-f-]{36})/.exec(app.url())![1]!;
  await app.goto(`${served.url.replace(/#.*/, '')}#/sessions/${id}/record`);
  await expect(app.getByRole('heading', { name: 'Record the CoP meeting' })).toBeVisible();

  const rows = app.getByTestId('attendance-row');
  const count = await rows.count();
  await rows.first().focus();
  await app.keyboard.press('1');
  const notes = 'The new head of Mwijo came with the sub-county officer; we started with reading data.';
  await app.getByPlaceholder(/./).and(app.locator('textarea')).last().fill(notes);

  await app.getByRole('button', { name: 'Someone new came' }).click();
  const form = app.getByTestId('member-form');
  await form.getByLabel('Full name').fill('Zawadi Karisa');
  await form.getByLabel('Role').selectOption({ label: 'Headteacher' });
  await look(app, testInfo, 'newcomer-form-en');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByText('Zawadi Karisa joined the CoP and is marked present.')).toBeVisible();
  await expect(rows).toHaveCount(count + 1);
  const newcomer = rows.filter({ hasText: 'Zawadi Karisa' });
  await expect(newcomer.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  // Nothing typed before was lost.
  await expect(rows.first().getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.locator('textarea').last()).toHaveValue(notes);
  await app.screenshot({ path: testInfo.outputPath('newcomer-added-en.png'), fullPage: true });
  await kiswahili(app);
  await app.getByRole('button', { name: 'Amekuja mtu mpya' }).click();
  await look(app, testInfo, 'newcomer-form-sw');
});

test('the region map: CoPs coloured by the chosen indicator, neighbours linked, a click opens one', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Map' }).click();
  const map = app.getByTestId('region-map');
  await expect(map.locator('circle.cluster-point')).toHaveCount(16);
  await expect(map.locator('line.neighbour-link')).toHaveCount(22);
  await expect(map.locator('path.country')).toBeVisible();
  const colours = async () =>
    map.locator('circle.cluster-point').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
  const attendance = await colours();
  expect(new Set(attendance).size).toBeGreaterThan(3);
  await app.getByTestId('map-indicator').selectOption('literacy_rate');
  await expect.poll(colours).not.toEqual(attendance);
  await look(app, testInfo, 'map-en');
  await kiswahili(app);
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Ramani ya kanda');
  await look(app, testInfo, 'map-sw');
  const first = map.locator('circle.cluster-point').first();
  const label = (await first.getAttribute('aria-label'))!.split(':')[0]!;
  await first.click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(label);
});
