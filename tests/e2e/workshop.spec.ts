import { expect, test } from '@playwright/test';
import { BRIEF_SECTIONS } from '../../src/lib/brief/fields';

const GUIDE = '/workshop/';

test('the facilitator guide builds both agendas from the worksheet sections', async ({ page }) => {
  test.slow();
  await page.goto(GUIDE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run an integration brief workshop');
  const session = page.getByRole('table', { name: /^30-minute session/ });
  const workshop = page.getByRole('table', { name: '90-minute workshop' });
  for (const table of [session, workshop]) {
    for (const [index, section] of BRIEF_SECTIONS.entries()) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Brief ${index + 1}. ${section.title}`, exact: true }) });
      await expect(row).toContainText(`${section.minutes} min`);
      await expect(row).toContainText(section.fields[0]!.label);
    }
  }
  await expect(session.locator('tbody tr')).toHaveCount(BRIEF_SECTIONS.length);
  await expect(session.locator('tbody tr').last().locator('td').first()).toHaveText('0:28–0:30');
  await expect(workshop.locator('tbody tr').last().locator('td').first()).toHaveText(/–1:30\s*$/);

  // Every section has its notes, and every agenda link lands on them.
  await expect(page.locator('.section-guide')).toHaveCount(BRIEF_SECTIONS.length);
  for (const section of BRIEF_SECTIONS) {
    await expect(page.locator(`#say-${section.id}`)).toContainText(`${section.title} ${section.minutes} min`);
  }
  await session.getByRole('link', { name: 'What to say in section 3' }).click();
  await expect(page).toHaveURL(new RegExp(`#say-${BRIEF_SECTIONS[2]!.id}$`));

  for (const [name, path] of [
    ['blank worksheet', '/worksheet/blank/'],
    ['glossary cheat sheet', '/glossary/cheat-sheet/'],
    ['presenter timer', '/workshop/timer/'],
    ['Compare briefs', '/workshop/compare/'],
  ] as const) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toHaveAttribute('href', path);
  }
  await expect(page.getByRole('heading', { name: 'How participants share their briefs' })).toBeVisible();
  await expect(page.getByText('This site never receives a brief.')).toBeVisible();
});

test('the guide page links to the facilitator guide and the handouts', async ({ page }) => {
  await page.goto('/guide/integration-brief-before-build/');
  const paragraph = page.locator('p').filter({ has: page.getByRole('link', { name: 'facilitator guide' }) });
  await expect(paragraph.getByRole('link', { name: 'blank worksheet' })).toHaveAttribute('href', '/worksheet/blank/');
  await expect(paragraph.getByRole('link', { name: 'glossary cheat sheet' })).toHaveAttribute('href', '/glossary/cheat-sheet/');
});

test('no sideways scrolling on the workshop pages at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [GUIDE, '/workshop/timer/', '/workshop/compare/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBe(0);
  }
});
