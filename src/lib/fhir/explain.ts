/**
 * Walks a parsed FHIR R4 resource (JSON) against the extracted element definitions and returns a
 * tree: each JSON member with its definition (short text, cardinality, type, link to the
 * specification), plus the problems found on the way: unknown elements, missing required ones,
 * arrays where one value belongs and the reverse, values of the wrong JSON type, and nested
 * resources (Bundle entries, contained resources) explained with their own type's definitions.
 */
import type { CoreDefinitions, ElementDef, TypeDef } from './definitions';
import { childPointer, type JsonLocations, type JsonValue, type TextPosition } from './json-location';
import { definitionUrl } from './spec-links';

export type IssueKind =
  | 'unknown-element'
  | 'missing-required'
  | 'expected-array'
  | 'expected-single'
  | 'wrong-json-type'
  | 'not-allowed'
  | 'null-value'
  | 'empty'
  | 'missing-resource-type'
  | 'unknown-resource-type'
  | 'duplicate-key';

export interface Issue {
  kind: IssueKind;
  message: string;
  /** JSON Pointer of the tree node the issue belongs to. */
  pointer: string;
  position?: TextPosition | undefined;
}

/** What the definitions say about a node. */
export interface NodeDefinition {
  /** Full element path as defined: "Patient.name", "HumanName.family", "Observation.value[x]". */
  path: string;
  min: number;
  max: string;
  /** All types the element allows, as written in the definition. */
  types: string[];
  /** The type this value uses (for a choice element, the one its name picks). */
  type: string;
  short: string;
  url: string;
  /** For elements inherited from Resource, DomainResource, Element or BackboneElement. */
  definedOn?: string;
  /** For elements that reuse another element's definition (contentReference). */
  sameAs?: string;
}

export interface ExplainedNode {
  /** JSON Pointer: unique, and the key for positions. */
  pointer: string;
  /** What the tree shows: the member name, or the index of an array item ("[0]"). */
  label: string;
  /** FHIRPath-style location: Patient.name[0].family. */
  location: string;
  kind: 'object' | 'array' | 'value';
  /** The value as text, for values (strings in quotes, numbers and booleans as written). */
  value?: string;
  definition?: NodeDefinition;
  /** The resource type when this node is a resource (the root, an entry's resource, a contained one). */
  resourceType?: string;
  /** That resource type's own short description. */
  resourceShort?: string;
  issues: Issue[];
  children: ExplainedNode[];
}

export interface Explanation {
  root: ExplainedNode;
  /** Every issue in document order. */
  issues: Issue[];
  /** How many nodes carry a definition, and how many in all. */
  counts: { nodes: number; defined: number };
}

/** The definitions the walker may use: the core file and whichever resource types are loaded. */
export interface DefinitionSource {
  core: CoreDefinitions;
  resource(name: string): TypeDef | undefined;
}

/** Problems that stop the explanation before any tree can be drawn. */
export type TopLevelProblem =
  | { kind: 'not-an-object'; message: string }
  | { kind: 'missing-resource-type'; message: string }
  | { kind: 'unknown-resource-type'; message: string; suggestion?: string };

const RESOURCE_TYPE_DEFINITION = {
  short: 'The type of this resource; every resource in JSON names its type here',
  url: 'https://hl7.org/fhir/R4/json.html#resources',
};

function jsonKind(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Capitalises the first letter: "dateTime" → "DateTime" (how a choice type appears in a name). */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The type code without reference targets: "Reference(Patient|Group)" → "Reference". */
export function typeCode(type: string): string {
  const paren = type.indexOf('(');
  return paren < 0 ? type : type.slice(0, paren);
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest name, if one is close enough to be a likely typo. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.min(3, Math.floor(name.length / 3))) ? best : undefined;
}

/** Checks the top of the document; returns the resource type, or the reason there is none. */
export function checkTopLevel(value: JsonValue, resources: readonly string[]): { resourceType: string } | TopLevelProblem {
  if (!isObject(value)) {
    return { kind: 'not-an-object', message: `The JSON is ${jsonKind(value)}, not a FHIR resource: a resource is a JSON object that starts with {.` };
  }
  const type = value['resourceType'];
  if (type === undefined) {
    return { kind: 'missing-resource-type', message: 'The object has no "resourceType", so it is not a FHIR resource: add one, such as "resourceType": "Patient".' };
  }
  if (typeof type !== 'string') {
    return { kind: 'unknown-resource-type', message: `"resourceType" must be a string naming an R4 resource type, not ${jsonKind(type)}.` };
  }
  if (!resources.includes(type)) {
    const suggestion = suggest(type, resources);
    return {
      kind: 'unknown-resource-type',
      message: `"${type}" is not a FHIR R4 resource type${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
      ...(suggestion ? { suggestion } : {}),
    };
  }
  return { resourceType: type };
}

/** Every known resource type named anywhere in the document (to load their definitions first). */
export function resourceTypesIn(value: JsonValue, resources: readonly string[]): string[] {
  const known = new Set(resources);
  const found = new Set<string>();
  const visit = (node: JsonValue) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      const type = node['resourceType'];
      if (typeof type === 'string' && known.has(type)) found.add(type);
      Object.values(node).forEach(visit);
    }
  };
  visit(value);
  return [...found].sort();
}

/** Describes cardinality in words: "required, one value", "optional, repeats". */
export function cardinalityText(min: number, max: string): string {
  if (max === '0') return 'not allowed here';
  const required = min >= 1 ? (min > 1 ? `required, at least ${min}` : 'required') : 'optional';
  const repeats = max === '1' ? 'one value' : max === '*' ? 'can repeat (a JSON array)' : `up to ${max} values (a JSON array)`;
  return `${required}, ${repeats}`;
}

/** Whether FHIR JSON writes the element as an array. */
function repeats(max: string): boolean {
  return max !== '0' && max !== '1';
}

interface Context {
  source: DefinitionSource;
  resources: ReadonlySet<string>;
  locations: JsonLocations;
  issues: Issue[];
  counts: { nodes: number; defined: number };
}

/** The element definition a JSON member name refers to within a type, if any. */
interface Match {
  element: ElementDef;
  /** The concrete type: for choice elements, the one the member name carries. */
  type?: string;
}

/** The direct child elements of `prefix` within a type ("" is the type's root). */
function childrenOf(def: TypeDef, prefix: string): ElementDef[] {
  const start = prefix ? `${prefix}.` : '';
  return def.elements.filter((element) => element.path.startsWith(start) && !element.path.slice(start.length).includes('.'));
}

function matchMember(children: ElementDef[], prefix: string, name: string): Match | undefined {
  const start = prefix ? `${prefix}.` : '';
  for (const element of children) {
    const own = element.path.slice(start.length);
    if (own === name) return { element };
    if (own.endsWith('[x]')) {
      const stem = own.slice(0, -3);
      if (name.startsWith(stem) && name.length > stem.length) {
        const suffix = name.slice(stem.length);
        const type = element.types.find((candidate) => capitalise(typeCode(candidate)) === suffix);
        if (type) return { element, type: typeCode(type) };
      }
    }
  }
  return undefined;
}

function primitiveJsonType(core: CoreDefinitions, type: string): 'string' | 'number' | 'boolean' | undefined {
  return core.primitives[type];
}

/** The definition shown for a node. */
function nodeDefinition(ctx: Context, owner: TypeDef, element: ElementDef, type: string, sameAs?: string): NodeDefinition {
  const path = `${owner.name}.${element.path}`;
  const linked = element.base ?? path;
  return {
    path,
    min: element.min,
    max: element.max,
    types: element.types,
    type,
    short: element.short,
    url: definitionUrl(linked, ctx.resources),
    ...(element.base ? { definedOn: element.base } : {}),
    ...(sameAs ? { sameAs: `${owner.name}.${sameAs}` } : {}),
  };
}

function addIssue(ctx: Context, node: ExplainedNode, kind: IssueKind, message: string, pointer = node.pointer) {
  const issue: Issue = { kind, message, pointer, position: ctx.locations.at(pointer) };
  node.issues.push(issue);
  ctx.issues.push(issue);
}

function newNode(ctx: Context, pointer: string, label: string, location: string, value: JsonValue): ExplainedNode {
  ctx.counts.nodes++;
  const node: ExplainedNode = {
    pointer,
    label,
    location,
    kind: Array.isArray(value) ? 'array' : isObject(value) ? 'object' : 'value',
    issues: [],
    children: [],
  };
  if (node.kind === 'value') node.value = value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : String(value);
  return node;
}

/** Shows JSON that has no definition (inside an unknown element) without explaining it. */
function plainChildren(ctx: Context, node: ExplainedNode, value: JsonValue) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const child = newNode(ctx, childPointer(node.pointer, index), `[${index}]`, `${node.location}[${index}]`, item);
      plainChildren(ctx, child, item);
      node.children.push(child);
    });
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const child = newNode(ctx, childPointer(node.pointer, key), key, `${node.location}.${key}`, item);
      plainChildren(ctx, child, item);
      node.children.push(child);
    }
  }
}

/** Explains a resource object; `node` already exists (the root, an entry's resource...). */
function walkResource(ctx: Context, node: ExplainedNode, value: JsonValue, expected?: string) {
  if (!isObject(value)) {
    addIssue(ctx, node, 'wrong-json-type', `A resource must be a JSON object, not ${jsonKind(value)}.`);
    return;
  }
  const type = value['resourceType'];
  if (typeof type !== 'string') {
    addIssue(ctx, node, 'missing-resource-type', 'This resource has no "resourceType", so its elements cannot be explained.');
    plainChildren(ctx, node, value);
    return;
  }
  const def = ctx.source.resource(type);
  if (!def) {
    const suggestion = suggest(type, ctx.source.core.resources);
    addIssue(ctx, node, 'unknown-resource-type', `"${type}" is not a FHIR R4 resource type${suggestion ? `: did you mean "${suggestion}"?` : '.'}`);
    plainChildren(ctx, node, value);
    return;
  }
  node.resourceType = type;
  node.resourceShort = def.short;
  if (expected && expected !== 'Resource' && expected !== type) {
    addIssue(ctx, node, 'wrong-json-type', `Only a ${expected} resource belongs here, not a ${type}.`);
  }
  const location = node.location;
  walkMembers(ctx, node, value, def, '', location, true);
}

/** Explains the members of an object against the child elements of `prefix` in `def`. */
function walkMembers(ctx: Context, node: ExplainedNode, object: { [key: string]: JsonValue }, def: TypeDef, prefix: string, location: string, isResource: boolean) {
  const children = childrenOf(def, prefix);
  const ownerName = prefix ? `${def.name}.${prefix}` : def.name;
  for (const [key, value] of Object.entries(object)) {
    const pointer = childPointer(node.pointer, key);
    const childLocation = `${location}.${key}`;
    if (isResource && key === 'resourceType') {
      const child = newNode(ctx, pointer, key, childLocation, value);
      ctx.counts.defined++;
      child.definition = {
        path: 'resourceType',
        min: 1,
        max: '1',
        types: ['code'],
        type: 'code',
        short: RESOURCE_TYPE_DEFINITION.short,
        url: RESOURCE_TYPE_DEFINITION.url,
      };
      node.children.push(child);
      continue;
    }
    if (key.startsWith('_') && key.length > 1) {
      node.children.push(walkPrimitiveExtras(ctx, def, children, prefix, key, value, pointer, childLocation));
      continue;
    }
    const match = matchMember(children, prefix, key);
    const child = newNode(ctx, pointer, key, childLocation, value);
    node.children.push(child);
    if (!match) {
      const names = children.flatMap((element) => {
        const own = element.path.slice(prefix ? prefix.length + 1 : 0);
        return own.endsWith('[x]') ? element.types.map((type) => own.slice(0, -3) + capitalise(typeCode(type))) : [own];
      });
      const suggestion = suggest(key, names);
      addIssue(ctx, child, 'unknown-element', `"${key}" is not an element of ${ownerName}${suggestion ? `: did you mean "${suggestion}"?` : '.'}`);
      plainChildren(ctx, child, value);
      continue;
    }
    walkElement(ctx, child, def, match, value);
  }
  // Required elements that are absent. A primitive that has only its "_name" extension part counts as present.
  for (const element of children) {
    if (element.min < 1) continue;
    const own = element.path.slice(prefix ? prefix.length + 1 : 0);
    const present = own.endsWith('[x]')
      ? Object.keys(object).some((key) => matchMember([element], prefix, key.replace(/^_/, '')) !== undefined)
      : own in object || `_${own}` in object;
    if (!present) {
      addIssue(
        ctx,
        node,
        'missing-required',
        `${ownerName}.${own} is required (${element.min}..${element.max}: ${element.short}) but missing.`,
      );
    }
  }
}

/** A "_name" member: the id and extensions of a primitive value (or of each value in an array). */
function walkPrimitiveExtras(
  ctx: Context,
  def: TypeDef,
  children: ElementDef[],
  prefix: string,
  key: string,
  value: JsonValue,
  pointer: string,
  location: string,
): ExplainedNode {
  const node = newNode(ctx, pointer, key, location, value);
  const ownerName = prefix ? `${def.name}.${prefix}` : def.name;
  const match = matchMember(children, prefix, key.slice(1));
  const type = match ? (match.type ?? (match.element.types.length === 1 ? typeCode(match.element.types[0] ?? '') : undefined)) : undefined;
  const element = ctx.source.core.datatypes['Element'];
  if (!match || !type || !primitiveJsonType(ctx.source.core, type) || !element) {
    addIssue(ctx, node, 'unknown-element', `"${key}" would hold the id and extensions of a primitive "${key.slice(1)}", but ${ownerName} has no primitive element of that name.`);
    plainChildren(ctx, node, value);
    return node;
  }
  ctx.counts.defined++;
  node.definition = {
    ...nodeDefinition(ctx, def, match.element, type),
    short: `Id and extensions for the value of ${key.slice(1)} (${match.element.short})`,
  };
  const walkOne = (target: ExplainedNode, item: JsonValue) => {
    if (item === null) return; // null keeps array positions aligned with the values
    if (!isObject(item)) {
      addIssue(ctx, target, 'wrong-json-type', `The "${key}" part must be a JSON object with id or extension, not ${jsonKind(item)}.`);
      return;
    }
    walkMembers(ctx, target, item, element, '', target.location, false);
  };
  if (repeats(match.element.max)) {
    if (!Array.isArray(value)) {
      addIssue(ctx, node, 'expected-array', `"${key}" must be an array lined up with the values of "${key.slice(1)}".`);
      walkOne(node, value);
    } else {
      value.forEach((item, index) => {
        const child = newNode(ctx, childPointer(pointer, index), `[${index}]`, `${location}[${index}]`, item);
        node.children.push(child);
        walkOne(child, item);
      });
    }
  } else {
    walkOne(node, value);
  }
  return node;
}

/** Explains one member's value (an array of values or a single one) against its element. */
function walkElement(ctx: Context, node: ExplainedNode, def: TypeDef, match: Match, value: JsonValue) {
  let element = match.element;
  let sameAs: string | undefined;
  let childPrefix = element.path;
  if (element.ref !== undefined) {
    const target = def.elements.find((candidate) => candidate.path === element.ref);
    if (target) {
      sameAs = target.path;
      childPrefix = target.path;
      element = { ...target, path: element.path, min: element.min, max: element.max, short: element.short };
      if (match.element.base) element.base = match.element.base;
    }
  }
  const types = element.types;
  const type = match.type ?? (types.length === 1 ? typeCode(types[0] ?? '') : types.map(typeCode).join(' | '));
  ctx.counts.defined++;
  const definition = nodeDefinition(ctx, def, element, type, sameAs);
  node.definition = definition;
  const label = `${def.name}.${match.element.path}`;

  if (element.max === '0') addIssue(ctx, node, 'not-allowed', `${label} is not allowed here (0..0).`);
  const single = (target: ExplainedNode, item: JsonValue) => walkValue(ctx, target, def, childPrefix, type, item, label);

  if (Array.isArray(value)) {
    if (!repeats(element.max)) {
      addIssue(ctx, node, 'expected-single', `${label} takes one value (${element.min}..${element.max}), so it must not be a JSON array.`);
    } else if (value.length === 0) {
      addIssue(ctx, node, 'empty', `${label} is an empty array: FHIR JSON leaves an element out rather than sending [].`);
    }
    value.forEach((item, index) => {
      const child = newNode(ctx, childPointer(node.pointer, index), `[${index}]`, `${node.location}[${index}]`, item);
      child.definition = definition;
      ctx.counts.defined++;
      node.children.push(child);
      if (item === null) {
        addIssue(ctx, child, 'null-value', `null is not allowed in ${label}: leave the value out instead.`);
        return;
      }
      single(child, item);
    });
    return;
  }
  if (repeats(element.max)) {
    addIssue(ctx, node, 'expected-array', `${label} can repeat (${element.min}..${element.max}), so FHIR JSON writes it as an array, even for one value: [ … ].`);
  }
  if (value === null) {
    addIssue(ctx, node, 'null-value', `null is not allowed in FHIR JSON: leave ${label} out instead.`);
    return;
  }
  single(node, value);
}

/** Explains a single value of a given type. */
function walkValue(ctx: Context, node: ExplainedNode, def: TypeDef, prefix: string, type: string, value: JsonValue, label: string) {
  const core = ctx.source.core;
  const jsonType = primitiveJsonType(core, type);
  if (jsonType) {
    if (typeof value !== jsonType) {
      const hint = jsonType === 'boolean' ? ': write true or false without quotes' : jsonType === 'number' ? ': write the number without quotes' : ': put the value in double quotes';
      addIssue(ctx, node, 'wrong-json-type', `${label} is a ${type}, written in JSON as a ${jsonType}, not ${jsonKind(value)}${hint}.`);
      if (typeof value === 'object') plainChildren(ctx, node, value);
    } else if (jsonType === 'string' && value === '') {
      addIssue(ctx, node, 'empty', `${label} is an empty string: FHIR leaves an element out rather than sending "".`);
    }
    return;
  }
  if (!isObject(value)) {
    addIssue(ctx, node, 'wrong-json-type', `${label} is a ${type}, written in JSON as an object with its own elements, not ${jsonKind(value)}.`);
    return;
  }
  if (Object.keys(value).length === 0) {
    addIssue(ctx, node, 'empty', `${label} is an empty object: FHIR JSON leaves an element out rather than sending {}.`);
  }
  if (type === 'Resource' || ctx.resources.has(type)) {
    walkResource(ctx, node, value, type);
    return;
  }
  if (type === 'BackboneElement' || type === 'Element' || type === '') {
    // Parts defined inline (Patient.contact, Bundle.entry, Timing.repeat): their elements follow in the same type.
    walkMembers(ctx, node, value, def, prefix, node.location, false);
    return;
  }
  const datatype = core.datatypes[type];
  if (datatype) {
    walkMembers(ctx, node, value, datatype, '', node.location, false);
    return;
  }
  // A choice whose member name did not say which type: nothing more to explain.
  plainChildren(ctx, node, value);
}

/**
 * Explains a parsed resource. Run `checkTopLevel` first; load the definitions of every type in
 * `resourceTypesIn` (nested resources of types not loaded are reported as unknown).
 */
export function explainResource(
  value: JsonValue,
  source: DefinitionSource,
  locations: JsonLocations,
  duplicates: { pointer: string; position: TextPosition }[] = [],
): Explanation {
  const ctx: Context = {
    source,
    resources: new Set(source.core.resources),
    locations,
    issues: [],
    counts: { nodes: 0, defined: 0 },
  };
  const type = isObject(value) && typeof value['resourceType'] === 'string' ? value['resourceType'] : 'Resource';
  const root = newNode(ctx, '', type, type, value);
  walkResource(ctx, root, value);
  const byPointer = new Map<string, ExplainedNode>();
  const index = (node: ExplainedNode) => {
    byPointer.set(node.pointer, node);
    node.children.forEach(index);
  };
  index(root);
  for (const duplicate of duplicates) {
    const node = byPointer.get(duplicate.pointer);
    const key = duplicate.pointer.slice(duplicate.pointer.lastIndexOf('/') + 1).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node) addIssue(ctx, node, 'duplicate-key', `"${key}" appears more than once in the same object; JSON readers keep only the last one.`);
  }
  // Document order: by position, issues without one last.
  ctx.issues.sort((a, b) => (a.position?.offset ?? Infinity) - (b.position?.offset ?? Infinity));
  return { root, issues: ctx.issues, counts: ctx.counts };
}
