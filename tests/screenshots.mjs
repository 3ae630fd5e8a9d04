// `npm run screenshots`: full-page pictures of the built site at 1280 px and 390 px, light and
// dark, into tests/.results/screens/, for a person to look at. Serve the site first (npm start).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findBrowser, NO_BROWSER_MESSAGE } from './browser.mjs';

const origin = process.env.SITE_ORIGIN ?? 'http://localhost:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/guide/', '/guide/what-each-standard-addresses/', '/missing/'];
const found = findBrowser();
if (!found) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
const browser = await chromium.launch({
  ...(found.executablePath ? { executablePath: found.executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
mkdirSync('tests/.results/screens', { recursive: true });
for (const [width, height] of [[1280, 800], [390, 844]]) {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: theme });
    for (const path of paths) {
      await page.goto(origin + path);
      // A full-page picture is taken beyond the viewport, where blocks with content-visibility: auto
      // (guide prose, glossary definitions, long HL7 messages) are left unrendered: render them all.
      await page.evaluate(() => {
        const renderAll = new CSSStyleSheet();
        renderAll.replaceSync('* { content-visibility: visible !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, renderAll];
      });
      const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${theme}.png`;
      await page.screenshot({ path: `tests/.results/screens/${name}`, fullPage: true });
      console.log(`tests/.results/screens/${name}`);
    }
    await page.close();
  }
}
await browser.close();
