/**
 * For the benchmark (tests/bench): build a large DICOM file and time the inspector on it.
 *
 *   import { buildLargeDicom, timeInspection } from '../../src/lib/dicom/bench.ts';
 *   const bytes = buildLargeDicom(50);            // the sample with 50 MB of pixel data
 *   const { milliseconds } = timeInspection(bytes, dictionary);
 *
 * Node only (the builder uses dcmjs). In the browser, the page reports its own time in the
 * status line after a file is read: "Read “name” (…) in N ms."
 */
import { EMPTY_DICTIONARY, type DicomDictionary } from './dictionary';
import { inspectDicom } from './inspect';
import { buildSampleDicom } from './sample';

/** The synthetic sample with `megabytes` MB of (blank) pixel data, as multi-frame 64 × 64 frames. */
export function buildLargeDicom(megabytes = 50): Uint8Array {
  return buildSampleDicom({ pixelBytes: Math.round(megabytes * 1024 * 1024) });
}

/** Inspects the bytes once and says how long it took and how many elements it found. */
export function timeInspection(bytes: Uint8Array, dictionary: DicomDictionary = EMPTY_DICTIONARY): { milliseconds: number; elements: number; ok: boolean } {
  const started = performance.now();
  const result = inspectDicom(bytes, dictionary);
  const milliseconds = performance.now() - started;
  return { milliseconds, elements: result.ok ? result.inspection.counts.elements : 0, ok: result.ok };
}
