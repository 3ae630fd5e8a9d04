// The DICOM inspector's data dictionary, extracted at build time so that dcmjs (about
// 175 KB gzip) never ships to the browser: tag → [keyword, VR, name] plus SOP class names.
import { createRequire } from 'node:module';
import type { APIRoute } from 'astro';
import dcmjs from 'dcmjs';
import { buildDictionary, type TagSource } from '../../../lib/dicom/dictionary';
import { SOP_CLASS_NAMES } from '../../../lib/dicom/sop-classes';

// PS3.6 display names ("Patient's Name") come from the dictionary package the content tests
// use; dcmjs has only keywords. It is CommonJS, so it is loaded with require.
const require = createRequire(import.meta.url);
const ps36 = require('@iwharris/dicom-data-dictionary') as typeof import('@iwharris/dicom-data-dictionary');

const decode = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&#([0-9]+);/g, (_, code: string) => String.fromCodePoint(parseInt(code, 10)))
    .replace(/&amp;/g, '&')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export const GET: APIRoute = () => {
  const { DicomMetaDictionary } = dcmjs.data;
  const names: Record<string, string> = {};
  for (const element of Object.values(ps36.elements)) {
    if (element.name) names[element.tag.toUpperCase().replace(/X/g, 'x')] = decode(element.name);
  }
  const tags: TagSource[] = Object.values(DicomMetaDictionary.nameMap as Record<string, { tag: string; name: string; vr: string }>).map((entry) => ({
    tag: entry.tag,
    keyword: entry.name,
    vr: entry.vr,
  }));
  // dcmjs lists no repeating groups (overlays 60xx, curves 50xx); the PS3.6 package does.
  for (const element of Object.values(ps36.elements)) {
    if (/x/i.test(element.tag) && element.keyword) tags.push({ tag: element.tag, keyword: element.keyword, vr: element.vr });
  }
  const dictionary = buildDictionary(tags, names, DicomMetaDictionary.sopClassNamesByUID as Record<string, string>, SOP_CLASS_NAMES);
  return new Response(JSON.stringify(dictionary), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
