import type { DictionaryVersion, Hl7Dictionary } from '../../lib/hl7v2/dictionary';

const cache = new Map<DictionaryVersion, Promise<Hl7Dictionary>>();

/** Fetches the dictionary extract for one version (built as a static JSON file), once per page. */
export function loadDictionary(base: string, version: DictionaryVersion): Promise<Hl7Dictionary> {
  let pending = cache.get(version);
  if (!pending) {
    const root = base.endsWith('/') ? base : `${base}/`;
    pending = fetch(`${root}explore/hl7v2/dictionary/${version}.json`).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as Hl7Dictionary;
    });
    pending.catch(() => cache.delete(version));
    cache.set(version, pending);
  }
  return pending;
}
