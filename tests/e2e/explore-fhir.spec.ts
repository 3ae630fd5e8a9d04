import { expect, test, type Page } from '@playwright/test';
import { installAxe, violationsInBothThemes } from './axe';

const EXPLORER = '/explore/fhir/';
const input = (page: Page) => page.getByLabel('FHIR R4 resource in JSON');
const alert = (page: Page) => page.getByRole('alert');
const tree = (page: Page) => page.getByRole('tree');
/** A tree item by its label (name, value and flags); rows are clicked, not items (an item holds its children). */
const item = (page: Page, name: string | RegExp) => page.getByRole('treeitem', { name, exact: typeof name === 'string' });
const row = (page: Page, name: string | RegExp) => item(page, name).locator('> .fx-row');
const detail = (page: Page) => page.getByRole('region', { name: 'Definition' });

async function open(page: Page, path = EXPLORER) {
  await page.goto(path);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', '', { timeout: 15_000 });
  await expect(page.locator('.fx[data-ready]')).toBeVisible();
}

async function explain(page: Page, text: string) {
  await input(page).fill(text);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
}

async function expectNoViolations(page: Page, label: string) {
  expect(await violationsInBothThemes(page, label)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('the page says that nothing is uploaded, lists its sources and is linked from the FHIR guide page', async ({ page }) => {
  test.slow(); // opens two pages
  await open(page);
  await expect(page.getByText('Nothing you paste is uploaded.')).toBeVisible();
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('link', { name: /FHIR R4 \(4\.0\.1\) specification/ })).toHaveAttribute('href', 'https://hl7.org/fhir/R4/');
  await expect(sources.getByRole('link', { name: /@medplum\/definitions 4\.5\.2/ })).toBeVisible();
  await page.goto('/guide/fhir-in-practice/');
  await page.getByRole('link', { name: 'FHIR resource explorer' }).click();
  await expect(page).toHaveURL(/\/explore\/fhir\/$/);
});

const SAMPLES = [
  { button: 'Patient', type: 'Patient', element: /^birthDate "1987-04-12"/, desc: /0\.\.1\s*date\s*The date of birth for the individual/, url: 'https://hl7.org/fhir/R4/patient-definitions.html#Patient.birthDate' },
  { button: 'Observation', type: 'Observation', element: /^valueQuantity/, desc: /0\.\.1\s*Quantity\s*Actual result/, url: 'https://hl7.org/fhir/R4/observation-definitions.html#Observation.value_x_' },
  { button: 'DiagnosticReport', type: 'DiagnosticReport', element: /^conclusion/, desc: /0\.\.1\s*string\s*Clinical conclusion \(interpretation\) of test results/, url: 'https://hl7.org/fhir/R4/diagnosticreport-definitions.html#DiagnosticReport.conclusion' },
  { button: 'Search result Bundle', type: 'Bundle', element: /^total 2/, desc: /0\.\.1\s*unsignedInt\s*If search, the total number of matches/, url: 'https://hl7.org/fhir/R4/bundle-definitions.html#Bundle.total' },
];

for (const sample of SAMPLES) {
  test(`the ${sample.button} sample loads and shows definitions`, async ({ page }) => {
    test.slow(); // 20 to 35 s each when the 2-core test machine is shared
    await open(page);
    await page.getByRole('button', { name: sample.button, exact: true }).click();
    await expect(input(page)).toHaveValue(new RegExp(`"resourceType": "${sample.type}"`));
    await expect(page.getByRole('status')).toHaveText(new RegExp(`^${sample.type} explained: \\d+ elements, no problems found\\.`));
    await expect(page.getByRole('heading', { name: 'No problems found' })).toBeVisible();
    const element = item(page, sample.element);
    await expect(element).toHaveAccessibleDescription(sample.desc);
    await element.locator('> .fx-row').click();
    await expect(element).toHaveAttribute('aria-selected', 'true');
    await expect(detail(page).getByRole('link', { name: /in the FHIR R4 specification/ })).toHaveAttribute('href', sample.url);
  });
}

test('a Bundle explains the resources in its entries with their own definitions, and datatypes with theirs', async ({ page }) => {
  test.slow(); // the largest sample, several selections
  await open(page);
  await page.getByRole('button', { name: 'Search result Bundle', exact: true }).click();
  await expect(item(page, 'mode "match"')).toHaveAccessibleDescription(/match \| include \| outcome/);
  const status = page.locator('[role=treeitem][aria-level="5"]', { has: page.locator('.fx-key', { hasText: /^status$/ }) });
  await expect(status).toHaveAccessibleDescription(/1\.\.1\s*code\s*registered \| preliminary \| final \| amended/);
  await status.locator('> .fx-row').click();
  await expect(detail(page).getByRole('heading', { level: 3 })).toHaveText('Bundle.entry[0].resource.status');
  await expect(detail(page)).toContainText('Observation.status');
  await row(page, 'family "Rivera"').click();
  await expect(detail(page).getByRole('link', { name: /in the FHIR R4 specification/ })).toHaveAttribute('href', 'https://hl7.org/fhir/R4/datatypes-definitions.html#HumanName.family');
});

const SYNTAX_ERRORS = [
  { name: 'a trailing comma', text: '{\n  "resourceType": "Patient",\n}', where: 'line 2, column 28', message: 'Trailing comma' },
  { name: 'a missing closing quote', text: '{\n  "resourceType": "Patient",\n  "gender": "female\n}', where: 'line 3, column 13', message: 'no closing double quote' },
  { name: 'truncated JSON', text: '{\n  "resourceType": "Patient",\n  "name": [{"family": "Rivera"}', where: 'line 3, column 32', message: 'The text ends before the array opened at line 3, column 11' },
];

for (const error of SYNTAX_ERRORS) {
  test(`${error.name} is reported with its line and column in an alert`, async ({ page }) => {
    await open(page);
    await explain(page, error.text);
    await expect(alert(page)).toContainText(`JSON syntax error at ${error.where}.`);
    await expect(alert(page)).toContainText(error.message);
    await expect(tree(page)).toHaveCount(0);
    await alert(page).getByRole('button', { name: `Go to ${error.where} in the text` }).click();
    await expect(input(page)).toBeFocused();
    const [line, column] = error.where.match(/\d+/g)!.map(Number);
    const caret = await input(page).evaluate((element: HTMLTextAreaElement) => element.selectionStart);
    const before = error.text.slice(0, caret).split('\n');
    expect([before.length, (before.at(-1)?.length ?? 0) + 1]).toEqual([line, column]);
  });
}

test('empty input, JSON that is not an object, no resourceType and an unknown resourceType are explained in the alert', async ({ page }) => {
  test.slow(); // five explanations in a row
  await open(page);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(alert(page)).toContainText('Nothing to explain. The box is empty');
  await explain(page, '[{"resourceType": "Patient"}]');
  await expect(alert(page)).toContainText('Not a FHIR resource. The JSON is an array');
  await explain(page, '{"id": "x"}');
  await expect(alert(page)).toContainText('No resourceType.');
  await explain(page, '{\n  "resourceType": "Pateint"\n}');
  await expect(alert(page)).toContainText('"Pateint" is not a FHIR R4 resource type: did you mean "Patient"?');
  await expect(alert(page).getByRole('button', { name: 'Go to line 2, column 3 in the text' })).toBeVisible();
  // A good resource afterwards clears the alert.
  await explain(page, '{"resourceType": "Patient"}');
  await expect(page.locator('.fx-alert-slot')).toBeEmpty();
  await expect(tree(page)).toBeVisible();
});

test('an unknown element and a missing required element are flagged, and each problem leads to its element', async ({ page }) => {
  test.slow(); // explains, then follows a problem into the tree
  await open(page);
  await explain(page, '{\n  "resourceType": "Observation",\n  "code": {"text": "Glucose"},\n  "flavour": "sweet"\n}');
  await expect(page.getByRole('status')).toHaveText('Observation explained: 5 elements, 2 problems found (listed below).');
  const problems = page.getByRole('region', { name: 'Problems (2)' }).getByRole('listitem');
  await expect(problems).toHaveText([
    /^Observation\.status is required \(1\.\.1: registered \| preliminary \| final \| amended \+\) but missing\..*\(line 1\)$/,
    /^"flavour" is not an element of Observation\..*\(line 4\)$/,
  ]);
  await expect(item(page, 'Observation Missing required element')).toBeVisible();
  await expect(item(page, 'flavour "sweet" Unknown element')).toBeVisible();
  await problems.nth(1).getByRole('button', { name: 'Show Observation.flavour in the tree' }).click();
  await expect(item(page, 'flavour "sweet" Unknown element')).toBeFocused();
  await expect(detail(page)).toContainText('"flavour" is not an element of Observation. (line 4, column 3)');
  await expect(detail(page)).toContainText('extension');
});

test('a single value where FHIR JSON needs an array is flagged', async ({ page }) => {
  await open(page);
  await explain(page, '{"resourceType": "Patient", "name": {"family": "Rivera"}, "gender": ["female"]}');
  await expect(item(page, 'name Should be an array')).toBeVisible();
  await expect(item(page, 'gender Should be one value')).toBeVisible();
});

test('the explorer works with the keyboard alone', async ({ page }) => {
  test.slow(); // about twenty key presses, each re-rendering the tree
  await open(page);
  await page.getByRole('button', { name: 'Patient', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(tree(page)).toBeVisible();
  // One tab stop for the tree: the selected item, the root at first.
  await page.getByRole('button', { name: 'Collapse all' }).focus();
  await page.keyboard.press('Tab');
  const root = item(page, 'Patient');
  await expect(root).toBeFocused();
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'resourceType "Patient"')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'resourceType "Patient"')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'id "example-rivera"')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'meta')).toBeFocused();
  await expect(detail(page).getByRole('heading', { level: 3 })).toHaveText('Patient.meta');
  await expect(detail(page)).toContainText('Metadata about the resource');
  await expect(detail(page).getByRole('link', { name: /in the FHIR R4 specification/ })).toHaveAttribute('href', 'https://hl7.org/fhir/R4/resource-definitions.html#Resource.meta');
  await page.keyboard.press('Enter');
  await expect(item(page, 'meta')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press(' ');
  await expect(item(page, 'meta')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(item(page, /^lastUpdated/)).toBeFocused();
  await expect(detail(page)).toContainText('Meta.lastUpdated');
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'meta')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'meta')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(item(page, 'id "example-rivera"')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item(page, 'display "Example Hospital"')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(root).toBeFocused();
  // Tab leaves the tree in one step, into the definition's link.
  await page.keyboard.press('Tab');
  await expect(detail(page).getByRole('link')).toBeFocused();
});

test('the explorer fetches its definitions under a sub-path deployment', async ({ page }) => {
  const port = Number(process.env['PORT_BASE'] ?? 4410) + 1;
  await open(page, `http://localhost:${port}/interop-workbook/explore/fhir/`);
  await page.getByRole('button', { name: 'Observation', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Observation explained/);
});

test('nothing is blocked by the content security policy and nothing leaves the site', async ({ page }) => {
  test.slow(); // explains all four samples
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { violations: string[] }).violations.push(event.violatedDirective));
  });
  await open(page);
  for (const sample of SAMPLES) {
    await page.getByRole('button', { name: sample.button, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(new RegExp(`^${sample.type} explained`));
  }
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(requests.filter((url) => url.includes('/explore/fhir/definitions/')).map((url) => url.replace(/^.*\//, '')).sort()).toEqual(
    ['Bundle.json', 'DiagnosticReport.json', 'Observation.json', 'Patient.json', 'core.json'],
  );
});

test('axe finds no violations in the empty, tree and error states, in either theme', async ({ page }) => {
  test.slow(); // four states, one of them a tree of about 70 items
  await installAxe(page.context());
  await open(page);
  await expectNoViolations(page, 'empty');
  await page.getByRole('button', { name: 'Search result Bundle', exact: true }).click();
  await expect(tree(page)).toBeVisible();
  await row(page, 'mode "match"').click();
  await expectNoViolations(page, 'tree');
  await explain(page, '{"resourceType": "Patient", "flavour": 1, "link": [{"type": "seealso"}]}');
  await expect(page.getByRole('heading', { name: 'Problems (2)' })).toBeVisible();
  await expectNoViolations(page, 'problems');
  await explain(page, '{"resourceType": "Patient",}');
  await expect(alert(page)).toContainText('JSON syntax error');
  await expectNoViolations(page, 'error');
});

test('no horizontal scrolling at 390 px in the empty, tree, problem and error states', async ({ page }) => {
  test.slow(); // four states, the Bundle's tree among them
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Search result Bundle', exact: true }).click();
  await expect(tree(page)).toBeVisible();
  await row(page, /^url "https:\/\/fhir\.example\.org/).first().click();
  await expectNoHorizontalScroll(page);
  const scroller = page.locator('.fx-tree-scroll');
  expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await explain(page, '{"resourceType": "Patient", "flavourWithAVeryLongNameThatDoesNotBreakEasily": "https://example.org/a/very/long/path/without/any/spaces/at/all"}');
  await expect(page.getByRole('heading', { name: 'Problems (1)' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await explain(page, '{"resourceType": "Patient",}');
  await expect(alert(page)).toBeVisible();
  await expectNoHorizontalScroll(page);
});
