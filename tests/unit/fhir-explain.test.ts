import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  cardinalityText,
  checkTopLevel,
  explainResource,
  resourceTypesIn,
  suggest,
  type ExplainedNode,
  type Explanation,
} from '../../src/lib/fhir/explain.ts';
import { parseJson, type JsonValue } from '../../src/lib/fhir/json-location.ts';
import { definitionUrl, typePageUrl } from '../../src/lib/fhir/spec-links.ts';
import { allDefinitions, core, only, resources } from './fhir-definitions-fixture.ts';

function explain(value: unknown, source = allDefinitions): Explanation {
  const text = JSON.stringify(value, null, 2);
  const parsed = parseJson(text);
  assert.ok(parsed.ok);
  return explainResource(parsed.value, source, parsed.locations, parsed.duplicates);
}

function find(node: ExplainedNode, pointer: string): ExplainedNode {
  const walk = (n: ExplainedNode): ExplainedNode | undefined => (n.pointer === pointer ? n : n.children.map(walk).find(Boolean));
  const found = walk(node);
  assert.ok(found, `no node at ${pointer}`);
  return found;
}

const messages = (explanation: Explanation) => explanation.issues.map((issue) => `${issue.kind} ${issue.pointer}: ${issue.message}`);

const OBSERVATION = {
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
  valueQuantity: { value: 98, unit: 'mg/dL' },
};

describe('the extracted definitions', () => {
  it('hold every concrete R4 resource type, and no abstract one', () => {
    assert.equal(core.fhirVersion, '4.0.1');
    assert.equal(core.resources.length, 147, 'the concrete resource StructureDefinitions in the R4 package');
    for (const name of ['Patient', 'Observation', 'DiagnosticReport', 'Bundle', 'Parameters', 'Binary']) assert.ok(core.resources.includes(name), name);
    for (const name of ['Resource', 'DomainResource', 'MetadataResource']) assert.ok(!core.resources.includes(name), name);
  });

  it('keep path, cardinality, types, short text and where inherited elements are defined', () => {
    const patient = resources.get('Patient');
    assert.ok(patient);
    assert.deepEqual(patient.elements.find((e) => e.path === 'name'), { path: 'name', min: 0, max: '*', types: ['HumanName'], short: 'A name associated with the patient' });
    assert.deepEqual(patient.elements.find((e) => e.path === 'id'), { path: 'id', min: 0, max: '1', types: ['string'], short: 'Logical id of this artifact', base: 'Resource.id' });
    assert.deepEqual(patient.elements.find((e) => e.path === 'deceased[x]')?.types, ['boolean', 'dateTime']);
    assert.deepEqual(patient.elements.find((e) => e.path === 'link.other')?.types, ['Reference(Patient|RelatedPerson)']);
    assert.equal(patient.elements.find((e) => e.path === 'contact.id')?.base, 'Element.id');
  });

  it('resolve content references and the SimpleQuantity profile', () => {
    assert.deepEqual(resources.get('Bundle')?.elements.find((e) => e.path === 'entry.link'), {
      path: 'entry.link', min: 0, max: '*', types: [], short: 'Links related to this entry', ref: 'link',
    });
    assert.deepEqual(resources.get('Observation')?.elements.find((e) => e.path === 'referenceRange.low')?.types, ['SimpleQuantity']);
    assert.equal(core.datatypes['SimpleQuantity']?.elements.find((e) => e.path === 'comparator')?.max, '0');
  });

  it('carry the datatypes and the JSON type of each primitive', () => {
    for (const name of ['HumanName', 'CodeableConcept', 'Coding', 'Reference', 'Quantity', 'Identifier', 'Period', 'Meta', 'Narrative', 'Extension', 'Element']) {
      assert.ok(core.datatypes[name], name);
    }
    assert.deepEqual(core.datatypes['HumanName']?.elements.find((e) => e.path === 'family'), { path: 'family', min: 0, max: '1', types: ['string'], short: "Family name (often called 'Surname')" });
    assert.equal(core.primitives['boolean'], 'boolean');
    assert.equal(core.primitives['decimal'], 'number');
    assert.equal(core.primitives['positiveInt'], 'number');
    assert.equal(core.primitives['dateTime'], 'string');
    assert.equal(core.primitives['xhtml'], 'string');
  });
});

describe('links to the specification', () => {
  const names = new Set(core.resources);
  it('use the resource page, the datatype pages and _x_ for choice elements', () => {
    assert.equal(definitionUrl('Patient.name', names), 'https://hl7.org/fhir/R4/patient-definitions.html#Patient.name');
    assert.equal(definitionUrl('Observation.value[x]', names), 'https://hl7.org/fhir/R4/observation-definitions.html#Observation.value_x_');
    assert.equal(definitionUrl('HumanName.family', names), 'https://hl7.org/fhir/R4/datatypes-definitions.html#HumanName.family');
    assert.equal(definitionUrl('Reference.reference', names), 'https://hl7.org/fhir/R4/references-definitions.html#Reference.reference');
    assert.equal(definitionUrl('Meta.lastUpdated', names), 'https://hl7.org/fhir/R4/resource-definitions.html#Meta.lastUpdated');
    assert.equal(definitionUrl('Narrative.status', names), 'https://hl7.org/fhir/R4/narrative-definitions.html#Narrative.status');
    assert.equal(definitionUrl('Extension.url', names), 'https://hl7.org/fhir/R4/extensibility-definitions.html#Extension.url');
    assert.equal(definitionUrl('Resource.id', names), 'https://hl7.org/fhir/R4/resource-definitions.html#Resource.id');
    assert.equal(definitionUrl('DomainResource.text', names), 'https://hl7.org/fhir/R4/domainresource-definitions.html#DomainResource.text');
    assert.equal(definitionUrl('SimpleQuantity.comparator', names), 'https://hl7.org/fhir/R4/datatypes-definitions.html#Quantity.comparator');
    assert.equal(definitionUrl('Dosage.doseAndRate.rate[x]', names), 'https://hl7.org/fhir/R4/dosage-definitions.html#Dosage.doseAndRate.rate_x_');
    assert.equal(typePageUrl('Patient', names), 'https://hl7.org/fhir/R4/patient.html');
    assert.equal(typePageUrl('HumanName', names), 'https://hl7.org/fhir/R4/datatypes.html#HumanName');
    assert.equal(typePageUrl('Reference', names), 'https://hl7.org/fhir/R4/references.html#Reference');
  });
});

describe('checkTopLevel', () => {
  it('accepts a resource and names its type', () => {
    assert.deepEqual(checkTopLevel({ resourceType: 'Patient' }, core.resources), { resourceType: 'Patient' });
  });

  it('rejects JSON that is not an object', () => {
    for (const [value, kind] of [[[1], 'an array'], ['x', 'a string'], [3, 'a number'], [null, 'null'], [true, 'a boolean']] as const) {
      const result = checkTopLevel(value as JsonValue, core.resources);
      assert.ok('kind' in result && result.kind === 'not-an-object');
      assert.match(result.message, new RegExp(`^The JSON is ${kind}, not a FHIR resource`));
    }
  });

  it('rejects an object without resourceType, or with one that is not a string', () => {
    const missing = checkTopLevel({ id: 'x' }, core.resources);
    assert.ok('kind' in missing && missing.kind === 'missing-resource-type');
    const number = checkTopLevel({ resourceType: 4 }, core.resources);
    assert.ok('kind' in number && number.kind === 'unknown-resource-type');
    assert.match(number.message, /must be a string.*not a number/);
  });

  it('rejects an unknown resource type and suggests the nearest one', () => {
    const typo = checkTopLevel({ resourceType: 'Pateint' }, core.resources);
    assert.deepEqual(typo, { kind: 'unknown-resource-type', message: '"Pateint" is not a FHIR R4 resource type: did you mean "Patient"?', suggestion: 'Patient' });
    const lower = checkTopLevel({ resourceType: 'observation' }, core.resources);
    assert.ok('suggestion' in lower && lower.suggestion === 'Observation');
    const far = checkTopLevel({ resourceType: 'Spaceship' }, core.resources);
    assert.deepEqual(far, { kind: 'unknown-resource-type', message: '"Spaceship" is not a FHIR R4 resource type.' });
  });
});

describe('explainResource', () => {
  it('explains every element of a valid Observation, with its definition and link', () => {
    const result = explain(OBSERVATION);
    assert.deepEqual(messages(result), []);
    assert.equal(result.counts.defined, result.counts.nodes - 1, 'every node but the root has a definition');
    const status = find(result.root, '/status');
    assert.deepEqual(status.definition, {
      path: 'Observation.status', min: 1, max: '1', types: ['code'], type: 'code',
      short: 'registered | preliminary | final | amended +',
      url: 'https://hl7.org/fhir/R4/observation-definitions.html#Observation.status',
    });
    assert.equal(status.value, '"final"');
    assert.equal(status.location, 'Observation.status');
    const value = find(result.root, '/valueQuantity');
    assert.equal(value.definition?.path, 'Observation.value[x]');
    assert.equal(value.definition?.type, 'Quantity');
    assert.equal(value.definition?.url, 'https://hl7.org/fhir/R4/observation-definitions.html#Observation.value_x_');
    const unit = find(result.root, '/valueQuantity/unit');
    assert.equal(unit.definition?.path, 'Quantity.unit');
    assert.equal(unit.definition?.url, 'https://hl7.org/fhir/R4/datatypes-definitions.html#Quantity.unit');
    const system = find(result.root, '/code/coding/0/system');
    assert.equal(system.definition?.path, 'Coding.system');
    assert.equal(system.location, 'Observation.code.coding[0].system');
    assert.equal(find(result.root, '/resourceType').definition?.url, 'https://hl7.org/fhir/R4/json.html#resources');
  });

  it('links inherited elements to the page that defines them', () => {
    const result = explain({ resourceType: 'Patient', id: 'p1', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' }, contact: [{ id: 'c1', gender: 'other' }] });
    assert.deepEqual(messages(result), []);
    assert.equal(find(result.root, '/id').definition?.url, 'https://hl7.org/fhir/R4/resource-definitions.html#Resource.id');
    assert.equal(find(result.root, '/id').definition?.definedOn, 'Resource.id');
    assert.equal(find(result.root, '/text').definition?.url, 'https://hl7.org/fhir/R4/domainresource-definitions.html#DomainResource.text');
    assert.equal(find(result.root, '/text/div').definition?.url, 'https://hl7.org/fhir/R4/narrative-definitions.html#Narrative.div');
    assert.equal(find(result.root, '/contact/0/id').definition?.url, 'https://hl7.org/fhir/R4/element-definitions.html#Element.id');
    assert.equal(find(result.root, '/contact/0/gender').definition?.url, 'https://hl7.org/fhir/R4/patient-definitions.html#Patient.contact.gender');
  });

  it('flags an unknown element, suggesting a near name, and still shows its content', () => {
    const result = explain({ ...OBSERVATION, stauts: 'final', flavour: { sweet: true } });
    assert.deepEqual(messages(result), [
      'unknown-element /stauts: "stauts" is not an element of Observation: did you mean "status"?',
      'unknown-element /flavour: "flavour" is not an element of Observation.',
    ]);
    const flavour = find(result.root, '/flavour');
    assert.equal(flavour.definition, undefined);
    assert.equal(find(result.root, '/flavour/sweet').value, 'true');
    assert.equal(result.issues[0]?.position?.line, 16);
  });

  it('flags unknown elements inside datatypes and choice names with a type the element does not allow', () => {
    const result = explain({ ...OBSERVATION, valueQuantity: undefined, valueDecimal: 3, code: { coding: [{ cod: 'x' }] } });
    assert.deepEqual(messages(result), [
      'unknown-element /code/coding/0/cod: "cod" is not an element of Coding: did you mean "code"?',
      'unknown-element /valueDecimal: "valueDecimal" is not an element of Observation.',
    ]);
  });

  it('flags missing required elements, on the object that lacks them', () => {
    const result = explain({ resourceType: 'Observation', code: { text: 'glucose' }, referenceRange: [{ text: 'normal' }], component: [{ valueString: 'x' }] });
    assert.deepEqual(messages(result), [
      'missing-required : Observation.status is required (1..1: registered | preliminary | final | amended +) but missing.',
      'missing-required /component/0: Observation.component.code is required (1..1: Type of component observation (code / type)) but missing.',
    ]);
    const nested = explain({ resourceType: 'Patient', link: [{ type: 'seealso' }] });
    assert.deepEqual(messages(nested), ['missing-required /link/0: Patient.link.other is required (1..1: The other patient or related person resource that the link refers to) but missing.']);
  });

  it('treats a required choice element as present under any of its type names, and a primitive present with only its extension', () => {
    const result = explain({ resourceType: 'Observation', _status: { extension: [{ url: 'http://example.org/x', valueString: 'y' }] }, code: { text: 'x' } });
    assert.deepEqual(messages(result), []);
    const extra = find(result.root, '/_status');
    assert.equal(extra.definition?.path, 'Observation.status');
    assert.match(extra.definition?.short ?? '', /^Id and extensions for the value of status/);
    assert.equal(find(result.root, '/_status/extension/0/url').definition?.path, 'Extension.url');
    assert.equal(find(result.root, '/_status/extension/0/valueString').definition?.path, 'Extension.value[x]');
    const medication = { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' } };
    assert.deepEqual(messages(explain({ ...medication, medicationReference: { reference: 'Medication/m1' } })), []);
    assert.deepEqual(messages(explain({ ...medication, _medicationCodeableConcept: { id: 'x' } })).length, 1, 'a complex choice type has no "_" part');
    assert.match(messages(explain(medication)).join(), /MedicationRequest\.medication\[x\] is required \(1\.\.1/);
    const missingValue = explain({ resourceType: 'Bundle', type: 'collection', link: [{ relation: 'self' }] });
    assert.deepEqual(messages(missingValue), ['missing-required /link/0: Bundle.link.url is required (1..1: Reference details for the link) but missing.']);
  });

  it('flags a single value where FHIR JSON needs an array, and an array where it needs one value', () => {
    const result = explain({ resourceType: 'Patient', name: { family: 'Rivera' }, gender: ['female'] });
    assert.deepEqual(messages(result), [
      'expected-array /name: Patient.name can repeat (0..*), so FHIR JSON writes it as an array, even for one value: [ … ].',
      'expected-single /gender: Patient.gender takes one value (0..1), so it must not be a JSON array.',
    ]);
    // Still explained inside.
    assert.equal(find(result.root, '/name/family').definition?.path, 'HumanName.family');
    assert.equal(find(result.root, '/gender/0').definition?.path, 'Patient.gender');
  });

  it('flags values of the wrong JSON type, null, empty values and elements not allowed by a profile', () => {
    const result = explain({
      resourceType: 'Observation',
      status: 'final',
      code: 'glucose',
      issued: '',
      valueQuantity: { value: '98', comparator: '<' },
      referenceRange: [{ low: { value: 70, comparator: '>' } }],
      note: [],
      interpretation: [null],
      subject: null,
      hasMember: [{}],
    } as unknown as JsonValue);
    assert.deepEqual(messages(result), [
      'wrong-json-type /code: Observation.code is a CodeableConcept, written in JSON as an object with its own elements, not a string.',
      'empty /issued: Observation.issued is an empty string: FHIR leaves an element out rather than sending "".',
      'wrong-json-type /valueQuantity/value: Quantity.value is a decimal, written in JSON as a number, not a string: write the number without quotes.',
      'not-allowed /referenceRange/0/low/comparator: SimpleQuantity.comparator is not allowed here (0..0).',
      'empty /note: Observation.note is an empty array: FHIR JSON leaves an element out rather than sending [].',
      'null-value /interpretation/0: null is not allowed in Observation.interpretation: leave the value out instead.',
      'null-value /subject: null is not allowed in FHIR JSON: leave Observation.subject out instead.',
      'empty /hasMember/0: Observation.hasMember is an empty object: FHIR JSON leaves an element out rather than sending {}.',
    ]);
    const active = explain({ resourceType: 'Patient', active: 'true', multipleBirthInteger: 2.5, birthDate: 19870412 });
    assert.deepEqual(messages(active).map((m) => m.split(':')[0]), ['wrong-json-type /active', 'wrong-json-type /birthDate']);
    assert.match(messages(active)[0] ?? '', /write true or false without quotes/);
    assert.match(messages(active)[1] ?? '', /put the value in double quotes/);
  });

  it('explains resources inside a Bundle with their own definitions, and follows content references', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: 'https://fhir.example.org/r4/Observation?code=2345-7' }],
      entry: [
        {
          fullUrl: 'https://fhir.example.org/r4/Observation/1',
          link: [{ relation: 'alternate', url: 'https://example.org/1' }],
          resource: { ...OBSERVATION, flavour: 1 },
          search: { mode: 'match', score: 1 },
        },
        { resource: { resourceType: 'Patient', name: [{ family: 'Rivera' }] }, search: { mode: 'include' } },
      ],
    };
    const result = explain(bundle);
    assert.deepEqual(messages(result), ['unknown-element /entry/0/resource/flavour: "flavour" is not an element of Observation.']);
    const resource = find(result.root, '/entry/0/resource');
    assert.equal(resource.resourceType, 'Observation');
    assert.equal(resource.definition?.path, 'Bundle.entry.resource');
    assert.equal(find(result.root, '/entry/0/resource/status').definition?.path, 'Observation.status');
    assert.equal(find(result.root, '/entry/0/resource/status').location, 'Bundle.entry[0].resource.status');
    assert.equal(find(result.root, '/entry/1/resource/name/0/family').definition?.path, 'HumanName.family');
    assert.equal(find(result.root, '/entry/0/search/mode').definition?.path, 'Bundle.entry.search.mode');
    const entryLink = find(result.root, '/entry/0/link');
    assert.equal(entryLink.definition?.path, 'Bundle.entry.link');
    assert.equal(entryLink.definition?.sameAs, 'Bundle.link');
    assert.equal(find(result.root, '/entry/0/link/0/relation').definition?.path, 'Bundle.link.relation');
    assert.equal(find(result.root, '/total').definition?.type, 'unsignedInt');
  });

  it('reports nested resources without a type, of an unknown type or not loaded, and contained resources', () => {
    const result = explain(
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { id: 'x' } }, { resource: { resourceType: 'Obsevation' } }, { resource: 'Patient/1' }],
      },
      only('Bundle'),
    );
    assert.deepEqual(messages(result), [
      'missing-resource-type /entry/0/resource: This resource has no "resourceType", so its elements cannot be explained.',
      'unknown-resource-type /entry/1/resource: "Obsevation" is not a FHIR R4 resource type: did you mean "Observation"?',
      'wrong-json-type /entry/2/resource: Bundle.entry.resource is a Resource, written in JSON as an object with its own elements, not a string.',
    ]);
    const contained = explain({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, contained: [{ resourceType: 'Patient', gender: 'female' }] });
    assert.deepEqual(messages(contained), []);
    assert.equal(find(contained.root, '/contained/0/gender').definition?.path, 'Patient.gender');
  });

  it('flags a repeated key and an "_" part with no primitive element behind it', () => {
    const parsed = parseJson('{"resourceType": "Patient", "gender": "male", "gender": "female", "_name": {}, "_birthDate": 3, "_photo": []}');
    assert.ok(parsed.ok);
    const result = explainResource(parsed.value, allDefinitions, parsed.locations, parsed.duplicates);
    assert.deepEqual(messages(result), [
      'duplicate-key /gender: "gender" appears more than once in the same object; JSON readers keep only the last one.',
      'unknown-element /_name: "_name" would hold the id and extensions of a primitive "name", but Patient has no primitive element of that name.',
      'wrong-json-type /_birthDate: The "_birthDate" part must be a JSON object with id or extension, not a number.',
      'unknown-element /_photo: "_photo" would hold the id and extensions of a primitive "photo", but Patient has no primitive element of that name.',
    ]);
    const given = explain({ resourceType: 'Patient', name: [{ given: ['Alex', 'Sam'], _given: [null, { extension: [{ url: 'http://example.org/x', valueBoolean: true }] }] }] });
    assert.deepEqual(messages(given), []);
    const notArray = explain({ resourceType: 'Patient', name: [{ given: ['Alex'], _given: { id: 'g' } }] });
    assert.deepEqual(messages(notArray), ['expected-array /name/0/_given: "_given" must be an array lined up with the values of "given".']);
  });

  it('reports a resource of the wrong type where the definition names one', () => {
    // Bundle.entry.response.outcome is a Resource; Parameters.parameter.resource too. Use a typed one if present.
    const result = explain({ resourceType: 'Bundle', type: 'batch-response', entry: [{ response: { status: '200', outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] } } }] });
    assert.deepEqual(messages(result), []);
    assert.equal(find(result.root, '/entry/0/response/outcome/issue/0/severity').definition?.path, 'OperationOutcome.issue.severity');
  });

  it('finds every resource type named in a document, ignoring unknown ones', () => {
    assert.deepEqual(
      resourceTypesIn({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'Nope', contained: [{ resourceType: 'Organization' }] } }] }, core.resources),
      ['Bundle', 'Organization', 'Patient'],
    );
    assert.deepEqual(resourceTypesIn([1, 'x', null], core.resources), []);
  });
});

describe('helpers', () => {
  it('describe cardinality in words', () => {
    assert.equal(cardinalityText(0, '1'), 'optional, one value');
    assert.equal(cardinalityText(1, '1'), 'required, one value');
    assert.equal(cardinalityText(0, '*'), 'optional, can repeat (a JSON array)');
    assert.equal(cardinalityText(2, '3'), 'required, at least 2, up to 3 values (a JSON array)');
    assert.equal(cardinalityText(0, '0'), 'not allowed here');
  });

  it('suggest only close names', () => {
    assert.equal(suggest('Pateint', ['Patient', 'Practitioner']), 'Patient');
    assert.equal(suggest('zzz', ['Patient']), undefined);
  });
});

describe('the samples', () => {
  for (const file of readdirSync('content/examples/fhir')) {
    it(`${file} is explained with no problem and every element defined`, () => {
      const parsed = parseJson(readFileSync(`content/examples/fhir/${file}`, 'utf8'));
      assert.ok(parsed.ok);
      const top = checkTopLevel(parsed.value, core.resources);
      assert.ok('resourceType' in top);
      const result = explainResource(parsed.value, allDefinitions, parsed.locations, parsed.duplicates);
      assert.deepEqual(messages(result), []);
      assert.equal(result.counts.defined, result.counts.nodes - 1);
    });
  }
});
