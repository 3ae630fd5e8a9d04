/**
 * Links to the element definitions in the FHIR R4 specification. Each resource has its own
 * page, <type-lowercase>-definitions.html; datatypes share datatypes-definitions.html except the
 * special-purpose and metadata types, which have pages of their own. Anchors are the element
 * path, with a choice element's "[x]" written "_x_" (Observation.value_x_).
 */

export const SPEC_BASE = 'https://hl7.org/fhir/R4/';

/** Datatypes whose definitions are not on datatypes-definitions.html, by page name. */
const DATATYPE_PAGES: Record<string, string> = {
  Element: 'element',
  BackboneElement: 'backboneelement',
  Resource: 'resource',
  DomainResource: 'domainresource',
  Meta: 'resource',
  Narrative: 'narrative',
  Extension: 'extensibility',
  Reference: 'references',
  Dosage: 'dosage',
  ElementDefinition: 'elementdefinition',
  ContactDetail: 'metadatatypes',
  Contributor: 'metadatatypes',
  DataRequirement: 'metadatatypes',
  Expression: 'metadatatypes',
  ParameterDefinition: 'metadatatypes',
  RelatedArtifact: 'metadatatypes',
  TriggerDefinition: 'metadatatypes',
  UsageContext: 'metadatatypes',
  MarketingStatus: 'marketingstatus',
  Population: 'population',
  ProdCharacteristic: 'prodcharacteristic',
  ProductShelfLife: 'productshelflife',
  SubstanceAmount: 'substanceamount',
};

/** Profiles of Quantity are documented with Quantity itself. */
const ANCHOR_TYPE: Record<string, string> = { SimpleQuantity: 'Quantity', MoneyQuantity: 'Quantity' };

/**
 * The URL of an element's definition.
 * @param path A full element path such as "Patient.name", "HumanName.family" or "Observation.value[x]".
 * @param resources Names of the resource types (each has its own page).
 */
export function definitionUrl(path: string, resources: ReadonlySet<string>): string {
  const [first = '', ...rest] = path.split('.');
  const type = ANCHOR_TYPE[first] ?? first;
  const page = resources.has(type) ? type.toLowerCase() : (DATATYPE_PAGES[type] ?? 'datatypes');
  const anchor = [type, ...rest].join('.').replaceAll('[x]', '_x_');
  return `${SPEC_BASE}${page}-definitions.html#${anchor}`;
}

/** The overview page of a resource type or datatype. */
export function typePageUrl(type: string, resources: ReadonlySet<string>): string {
  const name = ANCHOR_TYPE[type] ?? type;
  if (resources.has(name)) return `${SPEC_BASE}${name.toLowerCase()}.html`;
  const page = DATATYPE_PAGES[name];
  return `${SPEC_BASE}${page ?? 'datatypes'}.html#${name}`;
}
