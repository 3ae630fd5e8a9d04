// Checks FHIR examples: every JSON example with a "resourceType" must be a valid FHIR R4
// resource according to the `fhir` package's validator (structure definitions and value sets
// of FHIR R4). Unknown elements count as errors; warnings are reported but do not fail.
import { createRequire } from 'node:module';

// `fhir` is CommonJS and Node cannot see its named exports from ESM, so load it with require.
const require = createRequire(import.meta.url);
const { Fhir, ParseConformance, Versions } = require('fhir') as typeof import('fhir');

let validator: InstanceType<typeof Fhir> | undefined;

/** The R4 validator, built once: loading the R4 definitions takes a second or two. */
function r4(): InstanceType<typeof Fhir> {
  validator ??= new Fhir(new ParseConformance(true, Versions.R4));
  return validator;
}

export interface FhirCheck {
  /** False when the block is not a FHIR example (valid JSON without a top-level resourceType and none inside). */
  isFhir: boolean;
  errors: string[];
  warnings: string[];
}

/** Checks the text of one ```json block. */
export function checkFhirExample(text: string): FhirCheck {
  const mentionsResource = /"resourceType"\s*:/.test(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return mentionsResource
      ? { isFhir: true, errors: [`not valid JSON: ${(error as Error).message}`], warnings: [] }
      : { isFhir: false, errors: [], warnings: [] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('resourceType' in value)) {
    return mentionsResource
      ? {
          isFhir: true,
          errors: ['has a "resourceType" inside but is not itself a resource: show a whole resource (or a Bundle) so it can be validated'],
          warnings: [],
        }
      : { isFhir: false, errors: [], warnings: [] };
  }
  let response: ReturnType<InstanceType<typeof Fhir>['validate']>;
  try {
    response = r4().validate(value, { errorOnUnexpected: true });
  } catch (error) {
    // The validator throws on some malformed shapes, such as an object where an array belongs.
    return { isFhir: true, errors: [`the validator could not read it: ${(error as Error).message}`], warnings: [] };
  }
  const describe = (m: { location?: string; message?: string }) => `${m.location || '(resource)'}: ${m.message ?? ''}`;
  const errors = response.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal').map(describe);
  if (!response.valid && errors.length === 0) errors.push('the validator reported the resource as invalid');
  const warnings = response.messages.filter((m) => m.severity === 'warning').map(describe);
  return { isFhir: true, errors, warnings };
}
