import { expect, test } from '@playwright/test';

test('an unknown address shows the 404 page with search and a way home', async ({ page }) => {
  const response = await page.goto('/guide/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  const field = page.getByRole('searchbox', { name: 'What were you looking for?' });
  await field.fill('fhir');
  await field.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('searchbox')).toHaveValue('fhir');
  await expect(page.getByRole('status').filter({ hasText: /results? for “fhir”/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
