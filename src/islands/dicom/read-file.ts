// Browser glue for the inspector: fetch the dictionary once, read a file's bytes, inflate a
// deflated data set with the browser's own DecompressionStream, and time the inspection.
import { EMPTY_DICTIONARY, isDictionary, type DicomDictionary } from '../../lib/dicom/dictionary';
import { inspectDicom, type InspectResult } from '../../lib/dicom/inspect';
import { withBase } from '../../lib/paths';

let dictionaryPromise: Promise<{ dictionary: DicomDictionary; loaded: boolean }> | undefined;

/** The data dictionary, fetched once per page; an empty one if it cannot be fetched. */
export function loadDictionary(): Promise<{ dictionary: DicomDictionary; loaded: boolean }> {
  dictionaryPromise ??= fetch(withBase(import.meta.env.BASE_URL, '/explore/dicom/dictionary.json'))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((value: unknown) => (isDictionary(value) ? { dictionary: value, loaded: true } : { dictionary: EMPTY_DICTIONARY, loaded: false }))
    .catch(() => {
      dictionaryPromise = undefined;
      return { dictionary: EMPTY_DICTIONARY, loaded: false };
    });
  return dictionaryPromise;
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface ReadOutcome {
  result: InspectResult;
  milliseconds: number;
  dictionaryLoaded: boolean;
}

/** Reads and inspects bytes; never throws. */
export async function inspectBytes(bytes: Uint8Array): Promise<ReadOutcome> {
  const { dictionary, loaded } = await loadDictionary();
  const started = performance.now();
  let result = inspectDicom(bytes, dictionary);
  if (!result.ok && result.error.kind === 'needs-inflate') {
    try {
      const inflated = await inflateRaw(bytes.subarray(result.error.offset));
      result = inspectDicom(bytes, dictionary, { inflated });
    } catch {
      result = { ok: false, error: { kind: 'unreadable', message: 'The data set is deflate-compressed and could not be inflated: the compressed bytes are damaged or cut short.' } };
    }
  }
  return { result, milliseconds: performance.now() - started, dictionaryLoaded: loaded };
}
