import { expect, test } from '@playwright/test';

test('in `npm run dev` the search dialog explains that search needs a build', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('dicom');
  await expect(page.getByRole('status')).toHaveText(/Search works on the built site: run npm start/);
});
