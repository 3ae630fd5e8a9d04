// The four samples, kept as written in content/ (raw text, so their layout is what people see).
import diagnosticReport from '../../../content/examples/fhir/diagnostic-report.json?raw';
import observation from '../../../content/examples/fhir/observation.json?raw';
import patient from '../../../content/examples/fhir/patient.json?raw';
import searchBundle from '../../../content/examples/fhir/search-bundle.json?raw';

export const SAMPLES = [
  { id: 'patient', label: 'Patient', text: patient },
  { id: 'observation', label: 'Observation', text: observation },
  { id: 'diagnostic-report', label: 'DiagnosticReport', text: diagnosticReport },
  { id: 'search-bundle', label: 'Search result Bundle', text: searchBundle },
] as const;
