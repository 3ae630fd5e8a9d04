import type { APIRoute, GetStaticPaths } from 'astro';
import type { TypeDef } from '../../../../lib/fhir/definitions';
import { r4Definitions } from './_package';

/** One file per R4 resource type, fetched only when a pasted resource uses that type. */
export const getStaticPaths = (() =>
  [...r4Definitions().resources.values()].map((definition) => ({ params: { type: definition.name }, props: { definition } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ definition: TypeDef }> = ({ props }) =>
  new Response(JSON.stringify(props.definition), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
