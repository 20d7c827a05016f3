import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Checks the screen now shown with axe-core (WCAG 2.1 A/AA rules plus best practices) and
 * fails on any critical or serious finding, naming the rule, what it wants and the
 * elements it found, so the failure says what to fix. Minor and moderate findings are
 * attached to the test report (when `testInfo` is given) for whoever wants to go further.
 *
 *   await expectAccessible(page, 'cluster form', testInfo);
 *
 * `exclude` takes CSS selectors of parts the check should skip (say why at the call).
 */
export async function expectAccessible(
  page: Page,
  screen: string,
  testInfo?: TestInfo,
  exclude: string[] = [],
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (testInfo && minor.length)
    await testInfo.attach(`axe-${screen}.json`, {
      body: JSON.stringify(minor, null, 2),
      contentType: 'application/json',
    });
  const described = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  expect(described, `axe-core on "${screen}"`).toEqual([]);
}
