import type { APIRoute } from 'astro';
import { r4Definitions } from './_package';

/** Resource type names, primitive types and complex datatypes: what every explanation needs. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(r4Definitions().core), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
