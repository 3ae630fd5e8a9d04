import { expect, test, type Page } from '@playwright/test';

const PATH = '/guide/ecosystem-map/';

/** The map hydrates when it scrolls into view (client:visible); its buttons are disabled until then. */
async function openMap(page: Page) {
  await page.goto(PATH);
  const figure = page.locator('figure.eco-map');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByRole('button', { name: /^All/ })).toBeEnabled();
  return figure;
}

test('without JavaScript the map is complete and static, with no controls', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const figure = page.locator('figure.eco-map');
  await expect(figure.getByRole('img', { name: /Ecosystem map/ })).toBeVisible();
  await expect(figure.locator('.eco-node')).toHaveCount(10);
  await expect(figure.locator('.eco-flow')).toHaveCount(21);
  await expect(figure.locator('.eco-flow.is-plain')).toHaveCount(21);
  await expect(figure.locator('.eco-controls')).toBeHidden();
  await expect(figure.locator('figcaption')).toContainText('21 flows');
  await context.close();
});

test('choosing a standard highlights its flows, dims the rest and says so', async ({ page }) => {
  const figure = await openMap(page);
  const all = figure.getByRole('button', { name: /^All/ });
  const dicom = figure.getByRole('button', { name: /^DICOM/ });
  await expect(all).toHaveAttribute('aria-pressed', 'true');
  await expect(dicom).toHaveAttribute('aria-pressed', 'false');

  await dicom.click();
  await expect(dicom).toHaveAttribute('aria-pressed', 'true');
  await expect(all).toHaveAttribute('aria-pressed', 'false');
  const active = figure.locator('.eco-flow.is-active');
  await expect(active).toHaveCount(7);
  expect(new Set(await active.evaluateAll((flows) => flows.map((flow) => flow.getAttribute('data-standard'))))).toEqual(
    new Set(['DICOM']),
  );
  await expect(figure.locator('.eco-flow.is-dim')).toHaveCount(14);
  await expect(figure.getByRole('status')).toHaveText('Highlighting 7 DICOM flows; the other 14 are dimmed.');

  await all.click();
  await expect(figure.locator('.eco-flow.is-plain')).toHaveCount(21);
  await expect(figure.getByRole('status')).toHaveText('Showing all 21 flows.');
});

test('the controls work from the keyboard, and the map scrolls in a focusable region', async ({ page }) => {
  const figure = await openMap(page);
  await figure.getByRole('button', { name: /^All/ }).focus();
  await page.keyboard.press('Tab');
  const hl7 = figure.getByRole('button', { name: /^HL7 v2/ });
  await expect(hl7).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(hl7).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(figure.getByRole('button', { name: /^FHIR/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(figure.getByRole('status')).toContainText('FHIR');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(figure.getByRole('region', { name: /Ecosystem map/ })).toBeFocused();
});

test('at 390 px the map keeps legible text and scrolls inside its box, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const figure = await openMap(page);
  const region = figure.getByRole('region', { name: /Ecosystem map/ });
  const sizes = await region.evaluate((box) => {
    const svg = box.querySelector('svg')!;
    const label = svg.querySelector('.eco-label text')!;
    return {
      overflow: box.scrollWidth - box.clientWidth,
      fontPx: (parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width,
    };
  });
  expect(sizes.overflow).toBeGreaterThan(0);
  expect(sizes.fontPx).toBeGreaterThanOrEqual(11);
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
});
