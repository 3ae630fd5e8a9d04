/**
 * FHIR JSON for the v2-to-FHIR explorer: reading a value by a simple path
 * ("Patient.name[0].given[1]") and pretty-printing a resource as tokens that carry the path of
 * the element they show, so a view can make mapped elements selectable.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Resource = { resourceType: string } & { [key: string]: Json };

export class PathError extends Error {
  override name = 'PathError';
}

const STEP = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d+)\])?$/;

/** The steps of a path: "Patient.name[0].family" gives ["name", 0, "family"] after the resource type. */
export function parsePath(path: string): { resourceType: string; steps: (string | number)[] } {
  const [resourceType, ...rest] = path.split('.');
  if (!resourceType || !/^[A-Z][A-Za-z]+$/.test(resourceType)) {
    throw new PathError(`"${path}" does not start with a resource type such as Patient`);
  }
  const steps: (string | number)[] = [];
  for (const part of rest) {
    const match = STEP.exec(part);
    if (!match) throw new PathError(`"${path}": "${part}" is not an element name, optionally with an [index]`);
    steps.push(match[1]!);
    if (match[2] !== undefined) steps.push(Number(match[2]));
  }
  return { resourceType, steps };
}

/** The value at a path in the first resource of its type, or undefined when any step is missing. */
export function valueAt(resources: readonly Resource[], path: string): Json | undefined {
  const { resourceType, steps } = parsePath(path);
  const resource = resources.find((r) => r.resourceType === resourceType);
  if (!resource) throw new PathError(`there is no ${resourceType} resource`);
  let current: Json | undefined = resource;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined;
    else current = Array.isArray(current) ? undefined : current[step];
  }
  return current;
}

/** One run of text in the printed JSON. `path` is set on the token that stands for an element. */
export interface JsonToken {
  text: string;
  path?: string;
  kind: 'key' | 'string' | 'number' | 'literal' | 'punctuation';
}

/** One printed line: its indentation depth and tokens. */
export interface JsonLine {
  depth: number;
  tokens: JsonToken[];
}

/**
 * Prints a resource as JSON.stringify(resource, null, 2) would, line by line. A leaf value's
 * token carries its path; an object or array carries its path on its key, so that an element
 * such as Observation.valueQuantity can be selected as a whole.
 */
export function printResource(resource: Resource): JsonLine[] {
  const lines: JsonLine[] = [];
  const literal = (value: Json, path: string): JsonToken => {
    if (typeof value === 'string') return { text: JSON.stringify(value), path, kind: 'string' };
    if (typeof value === 'number') return { text: String(value), path, kind: 'number' };
    return { text: String(value), path, kind: 'literal' };
  };
  const walk = (value: Json, path: string, depth: number, lead: JsonToken[], trailingComma: boolean) => {
    const comma: JsonToken[] = trailingComma ? [{ text: ',', kind: 'punctuation' }] : [];
    if (value !== null && typeof value === 'object') {
      const isArray = Array.isArray(value);
      const entries: [string | number, Json][] = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
      const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) {
        lines.push({ depth, tokens: [...lead, { text: open + close, kind: 'punctuation' }, ...comma] });
        return;
      }
      lines.push({ depth, tokens: [...lead, { text: open, kind: 'punctuation' }] });
      entries.forEach(([key, child], index) => {
        const childPath = typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
        const keyToken: JsonToken =
          child !== null && typeof child === 'object'
            ? { text: JSON.stringify(key), path: childPath, kind: 'key' }
            : { text: JSON.stringify(key), kind: 'key' };
        const childLead: JsonToken[] = typeof key === 'number' ? [] : [keyToken, { text: ': ', kind: 'punctuation' }];
        walk(child, childPath, depth + 1, childLead, index < entries.length - 1);
      });
      lines.push({ depth, tokens: [{ text: close, kind: 'punctuation' }, ...comma] });
      return;
    }
    lines.push({ depth, tokens: [...lead, literal(value, path), ...comma] });
  };
  walk(resource, resource.resourceType, 0, [], false);
  return lines;
}
