// The inspector's "Try a sample" file, written at build time with dcmjs: a synthetic 64 × 64
// secondary capture image for a patient who does not exist (see src/lib/dicom/sample.ts).
import type { APIRoute } from 'astro';
import { buildSampleDicom } from '../../../lib/dicom/sample';

export const GET: APIRoute = () => new Response(buildSampleDicom().buffer as ArrayBuffer, { headers: { 'Content-Type': 'application/dicom' } });
