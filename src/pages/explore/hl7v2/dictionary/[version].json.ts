// Field, segment and data-type names for one HL7 v2 version, written as a static JSON file at
// build time so the explorer fetches only the version a message declares instead of bundling
// the whole hl7-dictionary package (about 25 KB gzip per version instead of 42 KB gzip of script).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { compactDictionary, DICTIONARY_VERSIONS, type DictionaryVersion, type SourceDefinition } from '../../../../lib/hl7v2/dictionary';

// Resolved from the project root: the endpoint runs from a build folder at prerender time.
const require = createRequire(join(process.cwd(), 'package.json'));

export const getStaticPaths = (() => DICTIONARY_VERSIONS.map((version) => ({ params: { version } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const version = params['version'] as DictionaryVersion;
  const source = require(`hl7-dictionary/lib/${version}/index.js`) as SourceDefinition;
  return new Response(JSON.stringify(compactDictionary(version, source)), { headers: { 'Content-Type': 'application/json' } });
};
