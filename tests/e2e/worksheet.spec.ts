import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';

const WORKSHEET = '/worksheet/';
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d:\d\d$/ })).toBeVisible();

async function open(page: Page) {
  await page.goto(WORKSHEET);
  // The worksheet and each section of its form are islands: all of them hydrated.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.worksheet[data-ready]')).toBeVisible();
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function importText(page: Page, name: string, text: string | Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

test('answers are saved as you type and survive a reload, closing the tab and navigating away', async ({ page, context }) => {
  await open(page);
  await field(page, 'Brief title').fill('ADT feed into Wardview');
  await field(page, 'Clinical workflow').fill('Bed managers see admissions\nwithin a minute.');
  await page.getByRole('radio', { name: 'Both ways' }).check();
  await saved(page);

  await page.reload();
  await expect(field(page, 'Brief title')).toHaveValue('ADT feed into Wardview');
  await expect(field(page, 'Clinical workflow')).toHaveValue('Bed managers see admissions\nwithin a minute.');
  await expect(page.getByRole('radio', { name: 'Both ways' })).toBeChecked();

  await page.goto('/guide/');
  await page.goBack();
  await expect(field(page, 'Brief title')).toHaveValue('ADT feed into Wardview');

  await field(page, 'Monitoring').fill('Typed just before closing');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await open(again);
  await expect(field(again, 'Monitoring')).toHaveValue('Typed just before closing');
  await expect(again.getByRole('button', { name: /ADT feed into Wardview/ })).toHaveAttribute('aria-current', 'true');
});

test('two tabs on the same brief: edits cross over within a second and neither overwrites the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await open(b);
  await field(a, 'Customer or site').fill('Typed in tab A');
  await expect(field(b, 'Customer or site')).toHaveValue('Typed in tab A', { timeout: 1000 });

  // Both tabs type into different fields at the same moment.
  await Promise.all([field(a, 'Source system').fill('Source from A'), field(b, 'Target system').fill('Target from B')]);
  await expect(field(a, 'Target system')).toHaveValue('Target from B', { timeout: 1500 });
  await expect(field(b, 'Source system')).toHaveValue('Source from A', { timeout: 1500 });

  // The same field in both, one after the other: the newer text wins in both tabs. (Typed before
  // A's text arrives, B's fill could land between selecting the old text and typing, and add to
  // A's text instead of replacing it; the simultaneous case has a test of its own below.)
  await field(a, 'Expected volume').fill('100 a day (A)');
  await expect(field(b, 'Expected volume')).toHaveValue('100 a day (A)', { timeout: 1500 });
  await field(b, 'Expected volume').fill('200 a day (B, later)');
  await expect(field(a, 'Expected volume')).toHaveValue('200 a day (B, later)', { timeout: 1500 });
  await a.reload();
  await expect(field(a, 'Source system')).toHaveValue('Source from A');
  await expect(field(a, 'Target system')).toHaveValue('Target from B');
});

test('each field hydrates where the server put it, and text typed the moment its section is enabled is kept', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      Object.assign(window, { serverFields: [...document.querySelectorAll('.brief-form .field')] });
      // The moment a section stops being disabled, type into its last text field.
      const typed = new Set<Element>();
      new MutationObserver(() => {
        for (const section of document.querySelectorAll<HTMLFieldSetElement>('.brief-section .until-ready')) {
          if (section.disabled || typed.has(section)) continue;
          typed.add(section);
          const inputs = section.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea');
          const last = inputs[inputs.length - 1];
          if (!last) continue;
          last.value = `typed early in ${last.id}`;
          last.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    });
  });
  await open(page);
  const server = await page.evaluate(() => {
    const nodes = (window as unknown as { serverFields: Element[] }).serverFields;
    return { count: nodes.length, connected: nodes.filter((node) => node.isConnected).length, now: document.querySelectorAll('.brief-form .field').length };
  });
  expect(server.count).toBeGreaterThan(20);
  expect(server).toEqual({ count: server.count, connected: server.count, now: server.count });
  await expect(page.locator('.brief-section .until-ready[disabled]')).toHaveCount(0);
  for (const id of ['field-direction', 'field-openQuestions']) await expect(page.locator(`#${id}`)).toBeVisible();
  const lastOfEach = await page.$$eval('.brief-section', (sections) =>
    sections.map((section) => [...section.querySelectorAll('input[type="text"], textarea')].at(-1)?.id).filter(Boolean),
  );
  expect(lastOfEach).toHaveLength(7);
  for (const id of lastOfEach) await expect(page.locator(`#${id}`)).toHaveValue(`typed early in ${id}`);
  await saved(page);
  await page.reload();
  await expect(page.locator('.worksheet[data-ready]')).toBeVisible();
  for (const id of lastOfEach) await expect(page.locator(`#${id}`)).toHaveValue(`typed early in ${id}`);
});

test('a field typed in two tabs at once keeps the newer text and says so', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await open(b);
  // Tab B types first but tab A types later, before B's save reaches A.
  await b.evaluate(() => {
    const input = document.getElementById('field-latency') as HTMLInputElement;
    input.value = 'B: within 10 minutes';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await a.evaluate(() => {
    const input = document.getElementById('field-latency') as HTMLInputElement;
    input.value = 'A: within 5 minutes';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(field(b, 'Latency target')).toHaveValue('A: within 5 minutes', { timeout: 2000 });
  await expect(b.getByText(/Latency target was changed in another tab more recently/)).toBeVisible();
  await expect(field(a, 'Latency target')).toHaveValue('A: within 5 minutes');
});

test('with storage full the worksheet keeps working, warns and offers the download', async ({ page }) => {
  test.slow();
  await installAxe(page.context());
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('interop-workbook:brief:') && sessionStorage.getItem('full') === 'yes') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  await open(page);
  await field(page, 'Brief title').fill('Saved before the disk filled');
  await saved(page);
  await page.evaluate(() => sessionStorage.setItem('full', 'yes'));
  await field(page, 'Customer or site').fill('Typed while full');
  const alert = page.getByRole('alert').filter({ hasText: 'Your brief is not being saved' });
  await expect(alert).toContainText('storage for the site is full');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await field(page, 'Monitoring').fill('Still typing in memory');
  await expect(field(page, 'Monitoring')).toHaveValue('Still typing in memory');
  const [file] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download this brief' }).click()]);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('Typed while full');
  expect(text).toContain('Still typing in memory');
  await expectNoViolations(page, 'storage full warning');
});

test('with storage blocked the worksheet works in memory and warns', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await open(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Your brief is not being saved' })).toContainText('not letting the site store anything');
  await field(page, 'Brief title').fill('Only in memory');
  await expect(page.getByRole('button', { name: /Only in memory/ })).toBeVisible();
  await page.getByRole('button', { name: 'Check your brief' }).click();
  await expect(page.getByRole('region', { name: /more specific/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('corrupted saved data is kept and offered for download; older data is migrated with a notice', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    localStorage.setItem('interop-workbook:brief:broken', '{"format":1,"brief":{"id":"broken","answ');
    localStorage.setItem('interop-workbook:brief:old', JSON.stringify({ id: 'old', createdAt: 1, answers: { title: 'Saved by an older version', monitoring: 'Alert after 1 hour' } }));
    localStorage.setItem('interop-workbook:current-brief', 'old');
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await open(page);
  await expect(field(page, 'Brief title')).toHaveValue('Saved by an older version');
  await expect(field(page, 'Monitoring')).toHaveValue('Alert after 1 hour');
  await expect(page.getByText(/Saved data from an earlier version was updated: Saved by an older version\. Nothing was lost\./)).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'One saved brief could not be read' });
  await expect(alert).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download the unreadable data' }).click()]);
  expect(readFileSync((await file.path())!, 'utf8')).toBe('{"format":1,"brief":{"id":"broken","answ');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove it' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('hostile text is shown as text, exported escaped and re-imported identically', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await open(page);
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>\n# Heading\n- item\n| a | b |\n[link](https://evil.example) 🧪 مرحبا שלום';
  const big = 'x'.repeat(100 * 1024);
  await field(page, 'Brief title').fill('Hostile <b>brief</b>');
  await field(page, 'Clinical workflow').fill(hostile);
  await field(page, 'Data fields').fill(big);
  await saved(page);
  await page.getByRole('button', { name: 'Check your brief' }).click();
  await expect(page.locator('.summary-answer').filter({ hasText: '<script>alert(1)</script>' })).toBeVisible();
  await expect(page.locator('.check-answers img, .check-answers script, .check-answers b')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to the form' }).click();

  const exported = await download(page, 'Download Markdown');
  expect(exported.name).toMatch(/^hostile-b-brief-b-integration-brief-\d{4}-\d{2}-\d{2}\.md$/);
  expect(exported.text).not.toMatch(/(?<!\\)<script/);
  expect(exported.text).toContain('\\<script\\>');

  await importText(page, exported.name, exported.text);
  await expect(page.getByText(/Imported “Hostile <b>brief<\/b>” as a new brief\./)).toBeVisible();
  await expect(field(page, 'Clinical workflow')).toHaveValue(hostile);
  await expect(field(page, 'Data fields')).toHaveValue(big);
  const again = await download(page, 'Download Markdown');
  expect(again.text).toBe(exported.text);
  expect(dialogs).toEqual([]);
});

test('files that are not briefs are refused with a clear message and change nothing', async ({ page }) => {
  await open(page);
  await field(page, 'Brief title').fill('Keep me');
  await saved(page);
  const briefs = page.locator('.brief-item');
  await expect(briefs).toHaveCount(1);
  const cases: [string, string | Buffer, RegExp][] = [
    ['notes.md', '# Meeting notes\n\n- nothing here', /not an integration brief from this site/],
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), /not a text file/],
    ['future.md', '<!-- interop-workbook brief, format 2 -->\n# Future\n', /format 2/],
    ['big.md', 'x'.repeat(1024 * 1024 + 10), /larger than 1 MB/],
    ['backup.json', '{"format":"interop-workbook-backup","version":9,"briefs":[]}', /version 9/],
  ];
  for (const [name, text, message] of cases) {
    await importText(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
    await expect(alert).toContainText(message);
    await expect(alert).toBeFocused();
  }
  await expect(briefs).toHaveCount(1);
  await expect(field(page, 'Brief title')).toHaveValue('Keep me');
});

test('several briefs: new, rename, duplicate, switch, delete with undo, backup and restore', async ({ page }) => {
  await open(page);
  await field(page, 'Brief title').fill('First brief');
  await field(page, 'Customer or site').fill('Site A');
  await page.getByRole('button', { name: 'New brief' }).click();
  await expect(field(page, 'Brief title')).toHaveValue('');
  await field(page, 'Brief title').fill('Second brief');
  await expect(page.locator('.brief-item')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /First brief\s*7% complete/ })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename brief' });
  await rename.getByLabel('New title').fill('Second, renamed');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(field(page, 'Brief title')).toHaveValue('Second, renamed');

  await page.getByRole('button', { name: /First brief/ }).click();
  await expect(field(page, 'Customer or site')).toHaveValue('Site A');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(field(page, 'Brief title')).toHaveValue('First brief (copy)');
  await expect(field(page, 'Customer or site')).toHaveValue('Site A');
  await expect(page.locator('.brief-item')).toHaveCount(3);

  const backup = await download(page, 'Download backup (JSON)');
  expect(backup.name).toMatch(/^interop-workbook-backup-\d{4}-\d{2}-\d{2}\.json$/);

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.brief-item')).toHaveCount(2);
  await expect(page.getByText('Deleted “First brief (copy)”.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.brief-item')).toHaveCount(3);
  await expect(field(page, 'Brief title')).toHaveValue('First brief (copy)');

  for (let index = 0; index < 3; index += 1) await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.brief-item')).toHaveCount(1);
  await importText(page, backup.name, backup.text);
  await expect(page.getByText(/Restored the backup .*: 3 added/)).toBeVisible();
  await expect(page.locator('.brief-item')).toHaveCount(4);
  await page.reload();
  await expect(page.locator('.brief-item')).toHaveCount(4);
});

test('Check your brief lists every answer, calls out vague ones, and Change jumps to the field', async ({ page }) => {
  await open(page);
  await field(page, 'Source system').fill('the EHR');
  await field(page, 'Standard and version').fill('HL7');
  await page.getByRole('button', { name: 'Check your brief' }).click();
  const summary = page.getByRole('region', { name: /answers need to be more specific/ });
  await expect(summary).toContainText('Source system names no specific system');
  await expect(summary).toContainText('Standard and version gives no version');
  await expect(summary).toContainText('Customer-side owner is empty: nobody owns this yet');
  await expect(page.locator('.summary-row').filter({ hasText: 'Test environment' })).toContainText('Not provided');
  await expect(page.locator('.summary-row')).toHaveCount(27);
  await expect(page.locator('.summary-row').filter({ hasText: 'Source system' }).locator('.summary-answer')).toHaveText('the EHR');
  await page.getByRole('link', { name: 'Change Test environment' }).click();
  await expect(field(page, 'Test environment')).toBeFocused();
});

test('Load example fills a realistic brief, asking first when there are answers', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Load example' }).click();
  await expect(field(page, 'Standard and version')).toHaveValue('HL7 v2.5.1');
  await expect(page.getByText('27 of 27')).toBeVisible();
  await page.getByRole('button', { name: 'Load example' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace your answers with the example?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.brief-item')).toHaveCount(1);
  await field(page, 'Monitoring').fill('my own words');
  await page.getByRole('button', { name: 'Load example' }).click();
  await confirm.getByRole('button', { name: 'Open as a new brief' }).click();
  await expect(page.locator('.brief-item')).toHaveCount(2);
  await page.getByRole('button', { name: /Lab results from Northside/ }).first().click();
});

test('the timer highlights the current section, moves on, and survives a reload', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.locator('.timer-readout')).toContainText('1. The integration');
  await expect(page.locator('.brief-section.current h2')).toContainText('The integration');
  await page.getByRole('button', { name: 'Next section' }).click();
  await expect(page.locator('.brief-section.current h2')).toContainText('Systems and owners');
  await page.reload();
  await expect(page.locator('.timer-readout')).toContainText('2. Systems and owners');
  await expect(page.locator('.brief-section.current h2')).toContainText('Systems and owners');
  await page.getByRole('button', { name: 'Pause timer' }).click();
  await expect(page.locator('.timer-readout')).toContainText('(paused)');
  await page.getByRole('button', { name: 'Reset timer' }).click();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await expect(page.locator('.brief-section.current')).toHaveCount(0);
});

test('a whole brief can be completed with the keyboard alone', async ({ page }) => {
  await open(page);
  await field(page, 'Brief title').focus();
  let typed = 0;
  for (let step = 0; step < 200 && typed < 27; step += 1) {
    const kind = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return 'none';
      if (el.type === 'radio') return 'radio';
      if (el.matches('input[type="text"], textarea') && el.closest('.brief-form')) return 'text';
      return 'other';
    });
    if (kind === 'text') {
      await page.keyboard.type(`answer ${typed + 1}`);
      typed += 1;
    } else if (kind === 'radio') {
      await page.keyboard.press('ArrowRight');
      typed += 1;
    }
    await page.keyboard.press('Tab');
  }
  await expect(page.getByText('27 of 27')).toBeVisible();
  await saved(page);
  const exported = await download(page, 'Download Markdown');
  expect(exported.text).not.toContain('_Not provided_');
});

test('Copy Markdown puts the escaped brief on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await field(page, 'Brief title').fill('Copied *brief*');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Copied the brief as Markdown.')).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toContain('# Copied \\*brief\\*');
});

test('printing shows the filled brief as a clean list of answers', async ({ page }) => {
  await open(page);
  await field(page, 'Brief title').fill('Printed brief');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.brief-form')).toBeHidden();
  await expect(page.locator('.brief-actions')).toBeHidden();
  await expect(page.locator('.summary-row').filter({ hasText: 'Brief title' })).toContainText('Printed brief');
  await expect(page.locator('.summary-action').first()).toBeHidden();
});

test('without JavaScript the page is a blank printable form, and the blank form page is complete', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(WORKSHEET);
  await expect(page.getByText('JavaScript is off, so answers typed here cannot be saved.')).toBeVisible();
  await expect(page.getByLabel('Brief title', { exact: true })).toBeVisible();
  await expect(page.locator('.brief-section')).toHaveCount(7);
  await page.getByRole('link', { name: 'printable blank form' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blank integration brief');
  await expect(page.locator('.blank-section')).toHaveCount(7);
  await expect(page.locator('.blank-field')).toHaveCount(27);
  await context.close();
});

test('the worksheet empty, filled and checked has no WCAG 2.2 AA violations in either theme', async ({ page }) => {
  test.slow();
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'empty');
  await page.getByRole('button', { name: 'Load example' }).click();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await page.getByText('Show an example').first().click();
  await expectNoViolations(page, 'example loaded, timer running');
  await field(page, 'Source system').fill('the EHR');
  await page.getByRole('button', { name: 'Check your brief' }).click();
  await expectNoViolations(page, 'checked');
});
