import { expect, test, type Page } from '@playwright/test';
import { BRIEF_SECTIONS } from '../../src/lib/brief/fields';
import { installAxe, violationsInBothThemes } from './axe';

const TIMER = '/workshop/timer/';
const MINUTE = 60_000;
const TOTAL_MS = BRIEF_SECTIONS.reduce((sum, section) => sum + section.minutes * MINUTE, 0);

const presenter = (page: Page) => page.locator('.presenter');
const clock = (page: Page) => page.getByRole('timer');
const title = (page: Page) => page.locator('.presenter-title');
const button = (page: Page, name: string) => presenter(page).getByRole('button', { name, exact: true });
const announcer = (page: Page) => page.locator('.presenter [aria-live="polite"]');

async function open(page: Page) {
  await page.goto(TIMER);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', '');
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
}

/** Seeds the stored clock as if it had been started `ago` milliseconds before this page loaded. */
async function seedRunning(page: Page, ago: number) {
  await page.evaluate((ms) => localStorage.setItem('interop-workbook:timer', JSON.stringify({ startedAt: Date.now() - ms, elapsedMs: 0 })), ago);
}

async function seconds(page: Page): Promise<number> {
  const text = (await clock(page).textContent()) ?? '';
  const [m, s] = text.replace('+', '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

test('shows the worksheet sections and time boxes from the one definition', async ({ page }) => {
  await open(page);
  const steps = page.getByRole('list', { name: 'Sections' }).getByRole('listitem');
  await expect(steps).toHaveCount(BRIEF_SECTIONS.length);
  for (const [index, section] of BRIEF_SECTIONS.entries()) {
    await expect(steps.nth(index)).toContainText(`${index + 1}. ${section.title} ${section.minutes} min`);
  }
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[0]!.title);
  await expect(clock(page)).toHaveText(`${BRIEF_SECTIONS[0]!.minutes}:00`);
  await expect(page.getByText('Ready', { exact: true })).toBeVisible();
});

test('start, pause, next, previous and reset with the buttons', async ({ page }) => {
  test.slow();
  await open(page);
  await button(page, 'Start').click();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'running');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect.poll(() => seconds(page), { timeout: 4000 }).toBeLessThan(BRIEF_SECTIONS[0]!.minutes * 60);

  await button(page, 'Next section').click();
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[1]!.title);
  await expect(page.locator('.presenter-kicker')).toContainText(`Section 2 of ${BRIEF_SECTIONS.length}`);
  await expect(page.locator('.presenter-steps li[aria-current="step"]')).toContainText(BRIEF_SECTIONS[1]!.title);
  await expect(announcer(page)).toHaveText(`Now Section 2 of ${BRIEF_SECTIONS.length}: ${BRIEF_SECTIONS[1]!.title}, ${BRIEF_SECTIONS[1]!.minutes} minutes.`);

  await button(page, 'Previous section').click();
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[0]!.title);

  await button(page, 'Pause').click();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'paused');
  await expect(page.locator('.presenter-badge')).toHaveText('Paused');
  const paused = await clock(page).textContent();
  await page.waitForTimeout(1500);
  await expect(clock(page)).toHaveText(paused!);
  await button(page, 'Resume').click();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'running');

  await button(page, 'Reset').click();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'ready');
  await expect(clock(page)).toHaveText(`${BRIEF_SECTIONS[0]!.minutes}:00`);
  await expect(button(page, 'Start')).toBeVisible();
});

test('keyboard shortcuts drive the timer, but not while typing or in search', async ({ page }) => {
  test.slow();
  await open(page);
  await page.locator('h1').click();
  await page.keyboard.press('Space');
  await expect(presenter(page)).toHaveAttribute('data-mode', 'running');
  await page.keyboard.press('n');
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[1]!.title);
  await page.keyboard.press('ArrowRight');
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[2]!.title);
  await page.keyboard.press('p');
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[1]!.title);
  await page.keyboard.press('ArrowLeft');
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[0]!.title);
  await page.keyboard.press('Space');
  await expect(presenter(page)).toHaveAttribute('data-mode', 'paused');

  const sound = page.getByRole('checkbox', { name: 'Beep at the end of each section' });
  await expect(sound).not.toBeChecked();
  await page.keyboard.press('m');
  await expect(sound).toBeChecked();
  await page.keyboard.press('m');
  await expect(sound).not.toBeChecked();

  // "/" opens the site search; letters typed there do not move the timer.
  await page.keyboard.press('/');
  const search = page.getByRole('dialog', { name: 'Search' });
  await expect(search).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the site' }).pressSequentially('nprf ');
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[0]!.title);
  await expect(presenter(page)).toHaveAttribute('data-mode', 'paused');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();

  // Ctrl+K is search too, not the timer.
  await page.locator('h1').click();
  await page.keyboard.press('Control+k');
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');

  await page.locator('h1').click();
  await page.keyboard.press('r');
  await expect(presenter(page)).toHaveAttribute('data-mode', 'ready');
  await expect(page.getByRole('region', { name: 'Keyboard shortcuts' })).toContainText('Previous section');
});

test('a reload keeps the running time, counted from the stored start', async ({ page }) => {
  test.slow();
  await open(page);
  // 20 seconds into section 2.
  const into = BRIEF_SECTIONS[0]!.minutes * MINUTE + 20_000;
  await seedRunning(page, into);
  await page.reload();
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
  await expect(title(page)).toHaveText(BRIEF_SECTIONS[1]!.title);
  const expected = BRIEF_SECTIONS[1]!.minutes * 60 - 20;
  const first = await seconds(page);
  expect(first).toBeGreaterThanOrEqual(expected - 10);
  expect(first).toBeLessThanOrEqual(expected);
  await page.waitForTimeout(2100);
  await page.reload();
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'running');
  expect(await seconds(page)).toBeLessThanOrEqual(first - 2);

  // A paused clock stays paused across a reload.
  await button(page, 'Pause').click();
  const paused = await clock(page).textContent();
  await page.reload();
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'paused');
  await expect(clock(page)).toHaveText(paused!);
});

test('time up: shown in words and a frame, announced once, with the optional beep', async ({ page }) => {
  test.slow();
  // Count the tones instead of playing them.
  await page.addInitScript(() => {
    const w = window as unknown as { beeps: number; AudioContext: unknown };
    w.beeps = 0;
    class FakeContext {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume() {
        return Promise.resolve();
      }
      createOscillator() {
        return { type: 'sine', frequency: { value: 0 }, connect: (node: unknown) => node, start: () => (w.beeps += 1), stop: () => undefined };
      }
      createGain() {
        const gain = { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (node: unknown) => node };
        return gain;
      }
    }
    w.AudioContext = FakeContext;
  });
  await open(page);
  const sound = page.getByRole('checkbox', { name: 'Beep at the end of each section' });
  await sound.check();
  await expect.poll(() => page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBe(1);
  await page.reload();
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
  await expect(sound).toBeChecked();

  // A few seconds before the end of the last section, so the page sees the clock run out.
  await seedRunning(page, TOTAL_MS - 8000);
  await page.reload();
  await expect(page.locator('.presenter[data-ready]')).toBeVisible();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'running');
  await expect(presenter(page)).toHaveAttribute('data-mode', 'up', { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Time’s up' })).toBeVisible();
  await expect(clock(page)).toHaveText(/^\+0:\d\d$/);
  await expect(announcer(page)).toHaveText('Time’s up: all sections are done.');
  await expect.poll(() => page.evaluate(() => (window as unknown as { beeps: number }).beeps)).toBe(3);
  const border = await presenter(page).evaluate((element) => getComputedStyle(element).borderStyle);
  expect(border).toBe('dashed');
  await expect(button(page, 'Next section')).toBeDisabled();
  await button(page, 'Previous section').click();
  await expect(title(page)).toHaveText(BRIEF_SECTIONS.at(-1)!.title);
});

test('the full-screen button is there and asks for full screen on the timer', async ({ page }) => {
  await open(page);
  const full = button(page, 'Full screen');
  await expect(full).toBeVisible();
  await expect(full).toBeEnabled();
  await expect(full).toHaveAttribute('aria-pressed', 'false');
  await full.click();
  // Headless browsers may refuse; either way the page must say what happened.
  await expect
    .poll(() => page.evaluate(() => (document.fullscreenElement?.classList.contains('presenter') ? 'entered' : document.querySelector('.presenter [role="alert"]') ? 'refused' : 'waiting')), { timeout: 15_000 })
    .not.toBe('waiting');
  const entered = await page.evaluate(() => document.fullscreenElement !== null);
  if (entered) {
    await expect(full).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await expect(full).toHaveAttribute('aria-pressed', 'false');
  } else {
    await expect(page.getByRole('alert')).toContainText('did not allow full screen');
  }
});

test('the timer ready, running and at time up has no WCAG 2.2 AA violations in either theme', async ({ page }) => {
  test.slow();
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'ready');
  await button(page, 'Start').click();
  await button(page, 'Next section').click();
  await expectNoViolations(page, 'running');
  await button(page, 'Pause').click();
  await expectNoViolations(page, 'paused');
  await seedRunning(page, TOTAL_MS + 65_000);
  await page.reload();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'up');
  await expectNoViolations(page, 'time up');
});

test('no sideways scrolling at 390 px, running or at time up', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await button(page, 'Start').click();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  await seedRunning(page, TOTAL_MS + 3_600_000 + 65_000);
  await page.reload();
  await expect(presenter(page)).toHaveAttribute('data-mode', 'up');
  await expect(clock(page)).toHaveText(/^\+1:01:\d\d$/);
  expect(await overflow()).toBe(0);
});
