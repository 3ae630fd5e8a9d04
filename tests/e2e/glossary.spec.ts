import { expect, test, type Page } from '@playwright/test';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });

async function search(page: Page, query: string, filter?: string) {
  await page.goto('/glossary/');
  await page.keyboard.press('Control+k');
  if (filter) await dialog(page).getByRole('radio', { name: new RegExp(`^${filter}`) }).check();
  await page.getByRole('searchbox', { name: 'Search the site' }).fill(query);
  await expect(page.getByRole('status').filter({ hasText: /results? for|No results/ })).toBeVisible();
  return dialog(page).locator('.search-result > a');
}

test('the glossary lists at least 200 terms A to Z, each linking to its own page', async ({ page }) => {
  await page.goto('/glossary/');
  const entries = page.locator('.glossary-entry');
  expect(await entries.count()).toBeGreaterThanOrEqual(200);
  // Down, back up, then down again: letters off screen are laid out only when near the viewport.
  for (const letter of ['X', 'C', 'M']) {
    await page.getByRole('navigation', { name: 'Glossary letters' }).getByRole('link', { name: `Terms starting with ${letter}` }).click();
    await expect(page).toHaveURL(new RegExp(`#letter-${letter.toLowerCase()}$`));
    await expect(page.locator(`#letter-${letter.toLowerCase()}`)).toBeInViewport();
  }
  await page.getByRole('link', { name: 'MLLP', exact: true }).click();
  await expect(page).toHaveURL(/\/glossary\/mllp\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MLLP');
});

test('neither a letter jumped to nor a focused link ends up under the sticky header or letter row', async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/glossary/');
    await page.getByRole('link', { name: 'Terms starting with M' }).click();
    await expect(page.locator('#letter-m')).toBeInViewport();
    // The letters stay in view only where they fit on one row.
    const cover = await page.evaluate(() =>
      Math.max(...['.site-header', '.az-nav'].map((selector) => document.querySelector(selector)!.getBoundingClientRect()).filter((box) => box.top >= 0 && box.top < 200).map((box) => box.bottom)),
    );
    expect((await page.locator('#letter-m').boundingBox())!.y, `heading at ${width} px`).toBeGreaterThanOrEqual(cover);
    // Shift+Tab from further down onto a link above the viewport's top: it scrolls into view below the bars.
    await page.locator('#letter-m + ul > li').nth(3).locator('a').focus();
    await page.evaluate(() => window.scrollBy(0, 400));
    await page.keyboard.press('Shift+Tab');
    const focused = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
    expect(focused, `focused link at ${width} px`).toBeGreaterThanOrEqual(cover);
  }
});

test('at 390 px every definition spans its entry instead of a strip beside the family label', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/glossary/');
  const narrow = await page.locator('.glossary-entry').evaluateAll((entries) =>
    entries
      .filter((entry) => entry.querySelector('p')!.getBoundingClientRect().width < entry.getBoundingClientRect().width - 1)
      .map((entry) => entry.querySelector('a')!.textContent),
  );
  expect(narrow).toEqual([]);
});

test('the family filter shows one family at a time, without JavaScript too', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/glossary/');
    const visible = page.locator('.glossary-entry:visible');
    const all = await visible.count();
    await page.getByRole('radio', { name: /^DICOM \d+$/ }).check();
    const dicom = await visible.count();
    expect(dicom).toBeGreaterThan(20);
    expect(dicom).toBeLessThan(all);
    const families = await visible.locator('.glossary-family').allTextContents();
    expect(new Set(families)).toEqual(new Set(['DICOM']));
    await page.locator('label.family-option', { has: page.locator('#family-all') }).click();
    await expect(page.getByRole('radio', { name: /^All/ })).toBeChecked();
    await expect(visible).toHaveCount(all);
    await context.close();
  }
});

test('a term page gives the expansion, definition, why it matters, related terms and a source', async ({ page }) => {
  await page.goto('/glossary/c-store/');
  await expect(page).toHaveTitle(/^C-STORE \| Interop Workbook$/);
  await expect(page.locator('.term-definition')).not.toBeEmpty();
  for (const heading of ['Why it matters to a product team', 'Related terms', 'Source']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  const related = page.locator('.term-related a');
  expect(await related.count()).toBeGreaterThan(0);
  await related.first().click();
  await expect(page).toHaveURL(/\/glossary\/[a-z0-9-]+\/$/);
  await expect(page.locator('.term-source a')).toHaveAttribute('href', /^https:\/\//);
});

test('acronyms, expansions and variants put the glossary entry in the top three', async ({ page }) => {
  const cases = [
    ['MLLP', 'mllp'],
    ['minimal lower layer protocol', 'mllp'],
    ['C-STORE', 'c-store'],
    ['c store', 'c-store'],
    ['Z-segment', 'z-segment'],
    ['SMART on FHIR', 'smart-app-launch'],
    ['admit discharge transfer', 'adt'],
  ] as const;
  const misses: string[] = [];
  // One dialog for every query: opening search loads Pagefind, which each case would repeat.
  const results = await search(page, cases[0][0]);
  for (const [query, slug] of cases) {
    await page.getByRole('searchbox', { name: 'Search the site' }).fill(query);
    await expect(page.getByRole('status').filter({ hasText: `for “${query}”` })).toBeVisible();
    const top = await results.evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute('href')));
    if (!top.includes(`/glossary/${slug}/`)) misses.push(`"${query}": top three are ${top.join(', ')}`);
  }
  expect(misses).toEqual([]);
});

test('glossary results show the definition and can be narrowed by family', async ({ page }) => {
  const results = await search(page, 'worklist', 'Glossary');
  await expect(results.first()).toHaveAttribute('href', /\/glossary\//);
  await expect(results.first().locator('.search-result-excerpt')).toHaveText(/.{40,}/);
  const family = dialog(page).getByLabel('Family');
  await family.selectOption('IHE');
  await expect(page.getByRole('status')).toContainText('in Glossary: IHE');
  for (const type of await dialog(page).locator('.search-result-type').allTextContents()) expect(type).toBe('Glossary');
});

test('terms in the guide show their definition on hover and focus, and Escape dismisses it', async ({ page }) => {
  await page.goto('/guide/hl7-v2-in-practice/');
  const term = page.locator('[data-term]').first();
  const link = term.locator('a');
  const tip = term.locator('[role="tooltip"]');
  await expect(tip).toBeHidden();
  await link.hover();
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  await link.focus();
  await expect(tip).toBeVisible();
  await expect(link).toHaveAccessibleDescription(/.{40,}/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(link).toHaveAttribute('href', /\/glossary\/[a-z0-9-]+\/$/);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('the first tap on a term shows its definition, the second opens its page', async ({ page }) => {
    await page.goto('/guide/hl7-v2-in-practice/');
    const term = page.locator('[data-term]').first();
    await term.scrollIntoViewIfNeeded();
    await term.locator('a').tap();
    await expect(term.locator('[role="tooltip"]')).toBeVisible();
    await expect(page).toHaveURL(/\/guide\/hl7-v2-in-practice\/$/);
    await term.locator('a').tap();
    await expect(page).toHaveURL(/\/glossary\/[a-z0-9-]+\/$/);
  });
});

test('the cheat sheet has 40 terms and prints on one page', async ({ page }) => {
  // The printable width of A4 with 10 mm margins, at 96 px per inch.
  await page.setViewportSize({ width: Math.round((190 / 25.4) * 96), height: 900 });
  await page.goto('/glossary/cheat-sheet/');
  await expect(page.locator('.cheat-entry')).toHaveCount(40);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // One A4 page at 96 px per inch: 297 mm less 20 mm of margins.
  expect(height).toBeLessThanOrEqual(Math.round((277 / 25.4) * 96));
});
