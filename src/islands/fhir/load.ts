// Fetches the R4 definitions the build wrote as static JSON (same origin, under the site's base),
// once per page: the core file first, then one file per resource type the pasted JSON uses.
import type { CoreDefinitions, TypeDef } from '../../lib/fhir/definitions';
import type { DefinitionSource } from '../../lib/fhir/explain';

const folder = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}explore/fhir/definitions/`;
let core: Promise<CoreDefinitions> | undefined;
const types = new Map<string, Promise<TypeDef>>();
const loaded = new Map<string, TypeDef>();

async function getJson<T>(file: string): Promise<T> {
  const response = await fetch(folder + file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Resource names, primitives and datatypes. A failed load is retried next time. */
export function loadCore(): Promise<CoreDefinitions> {
  core ??= getJson<CoreDefinitions>('core.json').catch((error: unknown) => {
    core = undefined;
    throw error;
  });
  return core;
}

/** Loads the named resource types and returns a source that knows them. */
export async function loadSource(names: string[]): Promise<DefinitionSource> {
  const definitions = await loadCore();
  await Promise.all(
    names.map((name) => {
      let pending = types.get(name);
      if (!pending) {
        pending = getJson<TypeDef>(`${encodeURIComponent(name)}.json`).then((definition) => {
          loaded.set(name, definition);
          return definition;
        });
        pending.catch(() => types.delete(name));
        types.set(name, pending);
      }
      return pending;
    }),
  );
  return { core: definitions, resource: (name) => loaded.get(name) };
}
