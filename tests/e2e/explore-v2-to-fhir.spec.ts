import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';

// Each test loads the page, waits for the island and often runs axe twice: on the shared
// 2-core machine that can take longer than the default 30 s.
test.slow();

const PATH = '/explore/v2-to-fhir/';
const EXAMPLE = JSON.parse(readFileSync('content/examples/v2-to-fhir/oru-r01.json', 'utf8')) as {
  mappings: { v2: string; fhir: string; name: string }[];
};
const ROWS = EXAMPLE.mappings.length;

const v2 = (page: Page, position: string) => page.locator(`button[data-v2="${position}"]`);
const fhir = (page: Page, path: string) => page.locator(`button[data-fhir="${path}"]`);
const status = (page: Page) => page.locator('.v2f').getByRole('status');

/** The island hydrates when it scrolls into view (client:visible); its tokens are disabled until then. */
async function open(page: Page) {
  await page.goto(PATH);
  await page.locator('.v2f').scrollIntoViewIfNeeded();
  await expect(v2(page, 'PID-5.1')).toBeEnabled();
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

test('without JavaScript the message, the three resources and the full table are on the page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('v2 to FHIR, side by side');
  const message = page.getByRole('region', { name: 'HL7 v2 message', exact: true });
  await expect(message).toContainText('ORU^R01^ORU_R01');
  await expect(message).toContainText('Repeat fasting glucose \\T\\ HbA1c suggested');
  for (const type of ['Patient', 'DiagnosticReport', 'Observation']) {
    await expect(page.getByRole('region', { name: `FHIR ${type} resource as JSON (scrolls sideways)` })).toContainText(`"resourceType": "${type}"`);
  }
  await expect(page.locator('button[data-v2]')).toHaveCount(ROWS);
  await expect(page.locator('button[data-fhir]')).toHaveCount(ROWS);
  await expect(page.locator('table.v2f-table tbody tr')).toHaveCount(ROWS);
  await expect(page.getByText('Nothing is uploaded')).toBeVisible();
  await context.close();
});

test('choosing a v2 field highlights the FHIR element it maps to and announces the pairing', async ({ page }) => {
  await open(page);
  await expect(status(page)).toContainText('Nothing selected');
  await v2(page, 'PID-5.1').click();
  await expect(v2(page, 'PID-5.1')).toHaveAttribute('aria-pressed', 'true');
  const partner = fhir(page, 'Patient.name[0].family');
  await expect(partner).toHaveAttribute('aria-pressed', 'true');
  await expect(partner).toHaveClass(/is-paired/);
  await expect(partner).toHaveText('"Rivera"');
  await expect(partner).toBeInViewport();
  await expect(status(page)).toContainText('PID-5.1 Patient Name: Family Name (XPN.1) → Patient.name[0].family');
  await expect(status(page)).toContainText('"Rivera" becomes "Rivera"');
  await expect(page.locator('.is-paired')).toHaveCount(2);

  // A conditional mapping says so, with its map.
  await v2(page, 'OBR-7').click();
  await expect(fhir(page, 'DiagnosticReport.effectiveDateTime')).toHaveAttribute('aria-pressed', 'true');
  await expect(v2(page, 'PID-5.1')).toHaveAttribute('aria-pressed', 'false');
  await expect(status(page)).toContainText('becomes "2026-11-28T15:00:00-05:00"');
  await expect(page.locator('.v2f-note')).toContainText('Conditional');
  await expect(page.locator('.v2f-note').getByRole('link', { name: 'Segment OBR to DiagnosticReport Map' })).toBeVisible();
});

test('choosing a FHIR element highlights its v2 source; choosing it again or Clear selection lets go', async ({ page }) => {
  await open(page);
  const element = fhir(page, 'Observation.status');
  await element.click();
  await expect(element).toHaveAttribute('aria-pressed', 'true');
  await expect(v2(page, 'OBX-11')).toHaveAttribute('aria-pressed', 'true');
  await expect(v2(page, 'OBX-11')).toBeInViewport();
  await expect(status(page)).toContainText('OBX-11 Observation Result Status → Observation.status. The v2 value "F" becomes "final"');

  await element.click();
  await expect(element).toHaveAttribute('aria-pressed', 'false');
  await expect(v2(page, 'OBX-11')).toHaveAttribute('aria-pressed', 'false');
  await expect(status(page)).toContainText('Nothing selected');

  await fhir(page, 'Observation.valueQuantity').click();
  await expect(v2(page, 'OBX-2')).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toContainText('"NM" selects this element');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0);
});

test('works from the keyboard alone: Tab to a value, Enter or Space to choose, Escape to clear', async ({ page }) => {
  await open(page);
  const message = page.getByRole('region', { name: 'HL7 v2 message', exact: true });
  await message.focus();
  await expect(message).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(v2(page, 'PID')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fhir(page, 'Observation.subject.reference')).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toContainText('PID Patient Identification (segment) → Observation.subject.reference');

  await page.keyboard.press('Tab');
  await expect(v2(page, 'PID-3.1')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(fhir(page, 'Patient.identifier[0].value')).toHaveAttribute('aria-pressed', 'true');
  await expect(v2(page, 'PID')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('Escape');
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0);
  await expect(status(page)).toContainText('Nothing selected');

  // The FHIR side is reachable too: its first resource box, then its first mapped element.
  const patient = page.getByRole('region', { name: 'FHIR Patient resource as JSON (scrolls sideways)' });
  await patient.focus();
  await page.keyboard.press('Tab');
  await expect(fhir(page, 'Patient.identifier[0].type.coding[0].code')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(v2(page, 'PID-3.5')).toHaveAttribute('aria-pressed', 'true');
});

test('the table lists every pairing with position, field name, values, path and note', async ({ page }) => {
  await page.goto(PATH);
  const table = page.getByRole('table', { name: /HL7 v2 positions in the ORU\^R01 message/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['v2 position', 'v2 field', 'Value in v2', 'FHIR path', 'Value in FHIR', 'Note']);
  await expect(table.locator('tbody tr')).toHaveCount(ROWS);
  const positions = await table.locator('tbody th').allTextContents();
  expect(positions).toEqual(EXAMPLE.mappings.map((row) => row.v2));
  const gender = table.locator('tbody tr', { has: page.locator('th', { hasText: /^PID-8$/ }) });
  await expect(gender.locator('td')).toHaveText([/Administrative Sex/, 'F', 'Patient.gender', 'female', /becomes female/]);
  await expect(page.getByRole('region', { name: /HL7 v2 positions/ })).toHaveAttribute('tabindex', '0');
});

test('axe finds nothing before and after a selection, in either theme', async ({ page }) => {
  // Two full axe runs over a page with about seventy buttons in code: allow for a loaded machine.
  test.setTimeout(240_000);
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'nothing selected');
  await v2(page, 'OBX-5').click();
  await expect(fhir(page, 'Observation.valueQuantity.value')).toHaveAttribute('aria-pressed', 'true');
  await expectNoViolations(page, 'OBX-5 selected');
});

test('at 390 px the columns stack, the page does not scroll sideways and the code boxes are focusable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await v2(page, 'OBX-14').click();
  await expect(fhir(page, 'Observation.effectiveDateTime')).toHaveAttribute('aria-pressed', 'true');
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.width);
  // Measured against the document: choosing OBX-14 scrolls its pair into view, which moves viewport
  // positions between the two readings.
  const documentBox = (name: string) =>
    page.getByRole('region', { name, exact: true }).evaluate((node) => {
      const box = node.getBoundingClientRect();
      return { top: box.top + scrollY, bottom: box.bottom + scrollY };
    });
  const messageBox = await documentBox('HL7 v2 message');
  const patientBox = await documentBox('FHIR Patient resource as JSON (scrolls sideways)');
  expect(patientBox.top).toBeGreaterThan(messageBox.bottom);
  for (const box of await page.locator('pre.v2f-code').all()) await expect(box).toHaveAttribute('tabindex', '0');
  await expect(page.locator('.table-scroll')).toHaveAttribute('tabindex', '0');
});

test('on a wide screen the message and the resources sit side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const [messageBox, patientBox] = await Promise.all([
    page.getByRole('region', { name: 'HL7 v2 message', exact: true }).boundingBox(),
    page.getByRole('region', { name: 'FHIR Patient resource as JSON (scrolls sideways)' }).boundingBox(),
  ]);
  expect(patientBox!.x).toBeGreaterThan(messageBox!.x + messageBox!.width);
});
