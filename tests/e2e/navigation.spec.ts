import { expect, test } from '@playwright/test';
import { OVERVIEW_PATH } from './site';

test('the guide contents lists every page in sidebar order', async ({ page }) => {
  await page.goto('/guide/');
  const sidebar = page.getByRole('navigation', { name: 'Guide' });
  await expect(sidebar.getByRole('link', { name: 'Guide contents' })).toHaveAttribute('aria-current', 'page');
  const sidebarPages = await sidebar.locator('.sidebar-section a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const contentsPages = await page.locator('.contents-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(contentsPages).toEqual(sidebarPages);
  expect(contentsPages.length).toBeGreaterThan(0);
  await expect(page.locator('.contents-time').first()).toHaveText(/^\d+ min read$/);
});

test('the sidebar marks the current page and leads to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guide' }).click();
  await expect(page).toHaveURL(/\/guide\/$/);
  const sidebar = page.getByRole('navigation', { name: 'Guide' });
  await sidebar.getByRole('link', { name: 'What each standard addresses' }).click();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW_PATH}$`));
  const current = sidebar.locator('[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText('What each standard addresses');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What each standard addresses');
});

test('previous and next links walk the guide in order and back', async ({ page }) => {
  test.slow();
  await page.goto('/guide/');
  const order = await page.locator('.contents-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  await page.goto(order[0]!);
  const pagination = page.getByRole('navigation', { name: 'Previous and next pages' });
  await expect(pagination.locator('[rel="prev"]')).toHaveCount(0);
  for (const href of order.slice(1)) {
    await pagination.locator('[rel="next"]').click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  }
  await expect(pagination.locator('[rel="next"]')).toHaveCount(0);
  for (const href of order.slice(0, -1).reverse()) {
    await pagination.locator('[rel="prev"]').click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  }
});

test('every "On this page" entry points at a heading on the page and scrolls to it', async ({ page }) => {
  await page.goto(OVERVIEW_PATH);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const targets = await toc.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(targets.length).toBeGreaterThan(3);
  const headings = await page.locator('.docs-article h2[id], .docs-article h3[id]').evaluateAll((nodes) => nodes.map((node) => `#${node.id}`));
  // Every h2 and h3 is listed, in page order, after the link back to the top.
  expect(targets.slice(1)).toEqual(headings);
  for (const target of targets) await expect(page.locator(target)).toHaveCount(1);

  const last = toc.locator('a').last();
  const id = (await last.getAttribute('href'))!;
  await last.click();
  await expect(page).toHaveURL(new RegExp(`${id}$`));
  await expect(page.locator(id)).toBeInViewport();
  await expect(page.locator(id)).not.toBeHidden();
});

test('a jump to a heading far down a long page lands on it, from the contents and from a link', async ({ page }) => {
  // The longest guide page: most of its blocks are not laid out until they near the viewport.
  const path = '/guide/fhir-in-practice/';
  await page.goto(path);
  const headerBottom = (await page.locator('.site-header').boundingBox())!.height;
  const landsBelowHeader = async (id: string) => {
    const top = await page.locator(`#${id}`).evaluate((heading) => heading.getBoundingClientRect().top);
    expect(top, `#${id}`).toBeGreaterThanOrEqual(headerBottom);
    expect(top, `#${id}`).toBeLessThan(headerBottom + 48);
  };
  const ids = await page.locator('.docs-article h2[id]').evaluateAll((nodes) => nodes.map((node) => node.id));
  expect(ids.length).toBeGreaterThan(6);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  // Down to the end, back to the middle, then one after it.
  const middle = Math.floor(ids.length / 2);
  for (const id of [ids.at(-1)!, ids[middle]!, ids[middle + 1]!]) {
    await toc.locator(`a[href="#${id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await landsBelowHeader(id);
  }
  // A link from elsewhere (a fresh load with the fragment).
  await page.goto('about:blank');
  await page.goto(`${path}#${ids.at(-2)}`);
  await landsBelowHeader(ids.at(-2)!);
});

test('headings below the sticky header stay visible when linked', async ({ page }) => {
  await page.goto(`${OVERVIEW_PATH}#sources`);
  const box = await page.locator('#sources').boundingBox();
  const header = await page.locator('.site-header').boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(header!.height);
});
