// Makes a synthetic copy of the site ten times larger, in a temporary folder that is never
// committed: the real glossary plus generated entries up to 2,000 or more, and each guide page
// copied ten times (120 pages). The generated text draws its words from the real glossary, so
// the search index grows the way real content would make it grow.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SCALE = 10;

/** A small deterministic generator, so two runs build the same synthetic site. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];
const sentence = (next, words, length) => {
  const chosen = Array.from({ length }, () => pick(next, words));
  return `${chosen.join(' ').replace(/^./, (first) => first.toUpperCase())}.`;
};

/** Copies the project's tracked files (not node_modules or builds) and links its node_modules. */
function copyProject(root) {
  const target = mkdtempSync(join(tmpdir(), 'interop-workbook-scale-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
  return target;
}

function addGlossaryEntries(dir, targetCount) {
  const glossaryDir = join(dir, 'content', 'glossary');
  const files = readdirSync(glossaryDir).filter((file) => file.endsWith('.yaml'));
  const slugs = files.map((file) => file.slice(0, -'.yaml'.length));
  const words = [...new Set(files.flatMap((file) => readFileSync(join(glossaryDir, file), 'utf8').toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  const next = random(2026);
  let added = 0;
  for (let index = 1; files.length + added < targetCount; index += 1) {
    const stem = `${pick(next, words)} ${pick(next, words)}`;
    const term = `Synthetic ${stem} ${index}`;
    const slug = term.toLowerCase().replaceAll(' ', '-');
    const entry = {
      term,
      expansion: `${sentence(next, words, 4).slice(0, -1)} ${index}`,
      aliases: [`synthetic ${index}`, `${stem} ${index}`],
      family: pick(next, ['HL7 v2', 'FHIR', 'DICOM', 'IHE', 'Integration and transport', 'Terminologies', 'Clinical systems', 'Programs and bodies']),
      definition: `${sentence(next, words, 18)} ${sentence(next, words, 14)}`,
      whyItMatters: sentence(next, words, 16),
      related: [pick(next, slugs), pick(next, slugs)].filter((value, position, all) => all.indexOf(value) === position),
      source: { title: `Synthetic source ${index}`, url: `https://example.org/synthetic/${index}` },
    };
    // JSON is YAML, so no YAML writer is needed.
    writeFileSync(join(glossaryDir, `${slug}.yaml`), JSON.stringify(entry, null, 2));
    added += 1;
  }
  return files.length + added;
}

/** Copies each guide page, with its quiz, `copies - 1` times. */
function copyGuidePages(dir, copies) {
  const guideDir = join(dir, 'content', 'guide');
  const quizDir = join(dir, 'content', 'quizzes');
  const pages = readdirSync(guideDir).filter((file) => file.endsWith('.mdx'));
  for (const file of pages) {
    const source = readFileSync(join(guideDir, file), 'utf8');
    const quiz = readFileSync(join(quizDir, file.replace(/\.mdx$/, '.yaml')), 'utf8');
    for (let copy = 1; copy < copies; copy += 1) {
      writeFileSync(join(quizDir, file.replace(/\.mdx$/, `-copy-${copy}.yaml`)), quiz);
      const text = source
        .replace(/^title: (.*)$/m, (_, title) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (copy ${copy})`)}`)
        .replace(/^order: (\d+)$/m, (_, order) => `order: ${Number(order) + copy * 100}`);
      writeFileSync(join(guideDir, file.replace(/\.mdx$/, `-copy-${copy}.mdx`)), text);
    }
  }
  return pages.length * copies;
}

/** Writes the scaled site's sources and returns where they are, with its page counts. */
export function makeScaledSite(root = process.cwd()) {
  const dir = copyProject(root);
  const realTerms = readdirSync(join(root, 'content', 'glossary')).filter((file) => file.endsWith('.yaml')).length;
  const terms = addGlossaryEntries(dir, Math.max(2000, realTerms * SCALE));
  const guidePages = copyGuidePages(dir, SCALE);
  return { dir, terms, guidePages };
}
