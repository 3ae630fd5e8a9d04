import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildLargeDicom } from '../../src/lib/dicom/bench';
import { buildSampleDicom } from '../../src/lib/dicom/sample';
import { installAxe, violationsInBothThemes } from './axe';

const PAGE = '/explore/dicom/';
const SUBPATH_PORT = Number(process.env['PORT_BASE'] ?? 4410) + 1;

async function open(page: Page) {
  await page.goto(PAGE);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', '');
}

async function choose(page: Page, name: string, bytes: Uint8Array) {
  await page.locator('#dicom-file').setInputFiles({ name, mimeType: 'application/dicom', buffer: Buffer.from(bytes) });
}

const summary = (page: Page) => page.getByRole('heading', { name: 'File summary' });
const alert = (page: Page) => page.getByRole('alert');

test('the page says nothing is uploaded and offers the picker, the sample and the drop zone', async ({ page }) => {
  await open(page);
  await expect(page.getByText('Nothing is uploaded.')).toBeVisible();
  await expect(page.getByLabel('Choose a DICOM file')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try a sample' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No file open yet.');
  await expect(page.getByRole('link', { name: /PS3.15 Annex E/ })).toHaveAttribute('href', /part15\/chapter_E/);
});

test('the sample: transfer syntax, SOP class, identifying elements and nested sequence', async ({ page }) => {
  test.slow(); // many steps; the shared test machine is slow
  await open(page);
  await page.getByRole('button', { name: 'Try a sample' }).click();
  await expect(summary(page)).toBeVisible();
  await expect(page.getByTestId('transfer-syntax-name')).toHaveText('Explicit VR Little Endian');
  await expect(page.locator('.dicom-summary').getByText('1.2.840.10008.1.2.1', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sop-class-name')).toHaveText('Secondary Capture Image Storage');
  await expect(page.getByText(/a 128-byte preamble \(all zero bytes\), then “DICM” at byte 128/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^Read “sample\.dcm” \(9,552 bytes\) in \d+ ms\.$/);

  const identifying = page.getByRole('region', { name: 'Identifying elements table' });
  const nameRow = identifying.getByRole('row').filter({ hasText: '(0010,0010)' });
  await expect(nameRow).toContainText("Patient's Name");
  await expect(nameRow).toContainText('DOE^JANE^^^SYNTHETIC');
  await expect(nameRow).toContainText('Z: replace with an empty value');
  await expect(identifying.getByRole('row').filter({ hasText: '(0020,000D)' })).toContainText('U: replace with a new UID');
  await expect(identifying.getByRole('row').filter({ hasText: '(0008,1155)' })).toContainText('in Referenced Study Sequence › item 1');

  const all = page.getByRole('region', { name: 'Data elements of sample.dcm' });
  const patientRow = all.locator('tr[data-tag="00100010"]');
  await expect(patientRow).toHaveClass(/row-identifying/);
  await expect(patientRow).toContainText('Annex E: Z');
  await expect(all.locator('tr[data-tag="00280010"]')).not.toHaveClass(/row-identifying/);
  await expect(all.locator('tr[data-tag="00091001"]')).toContainText('Private');
  await expect(all.locator('tr[data-tag="7FE00010"]')).toContainText('Native (uncompressed) pixel data: 8 KB (8,192 bytes)');
  await expect(all.getByText('Item 1 of Referenced Study Sequence')).toBeVisible();
  await all.getByRole('button', { name: 'Hide items' }).click();
  await expect(all.getByText('Item 1 of Referenced Study Sequence')).toHaveCount(0);
  await expect(all.locator('tr[data-tag="00081155"]')).toHaveCount(0);
});

test('a file chosen with the picker: implicit VR, VRs from the dictionary', async ({ page }) => {
  await open(page);
  await choose(page, 'implicit.dcm', buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2' }));
  await expect(summary(page)).toBeVisible();
  await expect(page.getByTestId('transfer-syntax-name')).toHaveText('Implicit VR Little Endian');
  await expect(page.getByText(/does not store VRs \(implicit VR\)/)).toBeVisible();
  const row = page.locator('tr[data-tag="00100010"]').first();
  await expect(row.locator('.vr-dictionary')).toHaveText('PN');
  await expect(row).toContainText('(from the dictionary)');
});

test('a file dropped on the drop zone is read', async ({ page }) => {
  test.slow(); // many steps; the shared test machine is slow
  await open(page);
  const bytes = Array.from(buildSampleDicom({ transferSyntaxUid: '1.2.840.10008.1.2.4.50' }));
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'dropped.dcm', { type: 'application/dicom' }));
    return transfer;
  }, bytes);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/dicom-open-dragging/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(summary(page)).toBeVisible();
  await expect(zone).not.toHaveClass(/dicom-open-dragging/);
  await expect(page.getByRole('status')).toContainText('“dropped.dcm”');
  await expect(page.getByTestId('transfer-syntax-name')).toHaveText('JPEG Baseline (Process 1)');
  await expect(page.getByText('The pixel data is compressed; the elements are still listed below')).toBeVisible();
  await expect(page.locator('tr[data-tag="7FE00010"]')).toContainText('Compressed (encapsulated) pixel data: 1 fragment');
  await expect(page.locator('tr[data-tag="00100010"]')).toContainText('DOE^JANE');
});

test('non-DICOM, empty and truncated files show a clear alert', async ({ page }) => {
  test.slow(); // many steps; the shared test machine is slow
  await open(page);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(400).fill(0)]);
  await page.locator('#dicom-file').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(alert(page)).toContainText('This is not a DICOM file.');
  await expect(alert(page)).toContainText('It looks like a PNG image.');
  await expect(alert(page)).toBeFocused();
  await expect(summary(page)).toHaveCount(0);

  await page.locator('#dicom-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Patient notes\nnot an image\n'.repeat(20)) });
  await expect(alert(page)).toContainText('It looks like a text file.');

  await page.locator('#dicom-file').setInputFiles({ name: 'empty.dcm', mimeType: 'application/dicom', buffer: Buffer.alloc(0) });
  await expect(alert(page)).toContainText('This file is empty.');

  const whole = buildSampleDicom();
  await choose(page, 'half.dcm', whole.subarray(0, Math.floor(whole.length / 2)));
  await expect(alert(page)).toContainText('This DICOM file is cut short.');
  await expect(alert(page)).toContainText('inside element (7FE0,0010) Pixel Data');
  await expect(alert(page)).toContainText('The elements read before the break are listed below');
  await expect(page.locator('tr[data-tag="00100010"]').first()).toContainText('DOE^JANE');

  // A good file after a bad one clears the alert.
  await choose(page, 'whole.dcm', whole);
  await expect(summary(page)).toBeVisible();
  await expect(alert(page)).toHaveCount(0);
});

test('keyboard only: open the sample, read the results, expand a long value and fold a sequence', async ({ page }) => {
  test.slow(); // many steps; the shared test machine is slow
  await open(page);
  const sampleButton = page.getByRole('button', { name: 'Try a sample' });
  await page.getByLabel('Choose a DICOM file').focus();
  await page.keyboard.press('Tab');
  await expect(sampleButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary(page)).toBeFocused();

  // The tables scroll inside focusable regions.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Identifying elements table' })).toBeFocused();
  const hide = page.getByRole('region', { name: 'Data elements of sample.dcm' }).getByRole('button', { name: 'Hide items' });
  await hide.focus();
  await page.keyboard.press('Enter');
  const show = page.getByRole('button', { name: 'Show the item' });
  await expect(show).toBeFocused();
  await expect(show).toHaveAttribute('aria-expanded', 'false');

  await choose(page, 'long.dcm', buildSampleDicom({ overrides: { PatientComments: 'Synthetic comment. '.repeat(20) } }));
  await expect(summary(page)).toBeFocused();
  const more = page.locator('tr[data-tag="00104000"]').first().getByRole('button', { name: 'Show all 379 characters' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('tr[data-tag="00104000"]').first().getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
});

const STATES: Record<string, (page: Page) => Promise<void>> = {
  empty: async () => {},
  loaded: async (page) => {
    await page.getByRole('button', { name: 'Try a sample' }).click();
    await expect(summary(page)).toBeVisible();
  },
  truncated: async (page) => {
    const whole = buildSampleDicom();
    await choose(page, 'half.dcm', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(alert(page)).toContainText('cut short');
  },
  'not DICOM': async (page) => {
    await page.locator('#dicom-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not dicom') });
    await expect(alert(page)).toContainText('not a DICOM file');
  },
};

for (const [state, reach] of Object.entries(STATES)) {
  test(`axe finds nothing in either theme: ${state}`, async ({ page, context }) => {
    // axe over the long element tables is slow on a shared machine.
    test.slow();
    await installAxe(context);
    await open(page);
    await reach(page);
    expect(await violationsInBothThemes(page, state)).toEqual([]);
  });
}

test('no horizontal scrolling at 390 px, empty and loaded', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: 'Try a sample' }).click();
  await expect(summary(page)).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(390);
  const region = page.getByRole('region', { name: 'Data elements of sample.dcm' });
  const scrolls = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(scrolls, 'the wide table scrolls inside its own region').toBe(true);
});

test('a 50 MB file is read without freezing the page', async ({ page }) => {
  test.slow();
  const path = join(tmpdir(), `interop-workbook-dicom-50mb-${process.pid}.dcm`);
  writeFileSync(path, buildLargeDicom(50));
  await open(page);
  await page.locator('#dicom-file').setInputFiles(path);
  await expect(summary(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-tag="7FE00010"]')).toContainText('Native (uncompressed) pixel data: 50 MB');
  const status = await page.getByRole('status').textContent();
  const milliseconds = Number(/in (\d+) ms/.exec(status ?? '')?.[1]);
  test.info().annotations.push({ type: 'parse time (50 MB)', description: `${milliseconds} ms` });
  expect(milliseconds).toBeLessThan(2000);
  // The main thread is free: a frame arrives promptly after reading.
  const frame = await page.evaluate(() => new Promise<number>((resolve) => {
    const started = performance.now();
    requestAnimationFrame(() => resolve(performance.now() - started));
  }));
  expect(frame).toBeLessThan(500);
});

test('under a sub-path the dictionary and the sample come from the base', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`http://localhost:${SUBPATH_PORT}/interop-workbook${PAGE}`);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', '');
  await page.getByRole('button', { name: 'Try a sample' }).click();
  await expect(page.getByTestId('sop-class-name')).toHaveText('Secondary Capture Image Storage');
  await expect(page.locator('tr[data-tag="00100010"]').first()).toContainText("Patient's Name");
  expect(requests).toContain('/interop-workbook/explore/dicom/dictionary.json');
  expect(requests).toContain('/interop-workbook/explore/dicom/sample.dcm');
});
