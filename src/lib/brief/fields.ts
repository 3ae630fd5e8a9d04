/**
 * The integration brief, defined once. The form, the Markdown export and import, the
 * completeness check, the print view and the workshop timer all derive from this list.
 */

export type FieldKind = 'line' | 'text' | 'choice';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface FieldDefinition {
  id: string;
  /** The accessible name of the control and the label in every export. */
  label: string;
  /** One or two sentences under the label: what a good answer says. */
  help: string;
  /** A realistic answer, shown on request. */
  example: string;
  kind: FieldKind;
  required: boolean;
  /** For "choice" fields. */
  options?: readonly ChoiceOption[];
  /** Common answers offered as suggestions; any other answer is accepted. */
  suggestions?: readonly string[];
  /** Whether an empty answer here means nobody owns the work. */
  owner?: boolean;
}

export interface SectionDefinition {
  id: string;
  title: string;
  /** The time box for a workshop, in minutes. */
  minutes: number;
  fields: readonly FieldDefinition[];
}

export const DIRECTION_OPTIONS: readonly ChoiceOption[] = [
  { value: 'inbound', label: 'Inbound to us' },
  { value: 'outbound', label: 'Outbound from us' },
  { value: 'both', label: 'Both ways' },
];

export const BRIEF_SECTIONS: readonly SectionDefinition[] = [
  {
    id: 'integration',
    title: 'The integration',
    minutes: 3,
    fields: [
      {
        id: 'title',
        label: 'Brief title',
        help: 'Name the integration so both sides can refer to it: what flows, from where, into what.',
        example: 'Lab results from Northside General into RemoteCare',
        kind: 'line',
        required: true,
      },
      {
        id: 'customer',
        label: 'Customer or site',
        help: 'The organisation and the specific site or department, not just the health system.',
        example: 'Northside General Hospital, outpatient cardiology clinic (pilot site)',
        kind: 'line',
        required: true,
      },
      {
        id: 'workflow',
        label: 'Clinical workflow',
        help: 'Who does what, when, and how this integration changes it. Name the people and the moment.',
        example:
          'When a potassium or creatinine result is final, the remote-monitoring nurse sees it in RemoteCare within minutes and adjusts the patient’s plan, instead of checking the EHR each morning.',
        kind: 'text',
        required: true,
      },
      {
        id: 'direction',
        label: 'Direction',
        help: 'Whether data comes into your product, goes out of it, or both.',
        example: 'Inbound to us',
        kind: 'choice',
        required: true,
        options: DIRECTION_OPTIONS,
      },
    ],
  },
  {
    id: 'systems',
    title: 'Systems and owners',
    minutes: 5,
    fields: [
      {
        id: 'sourceSystem',
        label: 'Source system',
        help: 'The system that creates the data, with its product and version if known: not “the EHR”.',
        example: 'Hospital laboratory information system (LIS), results released through the EHR’s interface module',
        kind: 'line',
        required: true,
      },
      {
        id: 'targetSystem',
        label: 'Target system',
        help: 'The system that receives the data, and the component that accepts it.',
        example: 'RemoteCare results service (HL7 v2 listener behind our VPN gateway)',
        kind: 'line',
        required: true,
      },
      {
        id: 'customerOwner',
        label: 'Customer-side owner',
        help: 'A named person or team at the customer who builds and supports their side, with a role.',
        example: 'Priya Example, integration analyst, Northside IT interfaces team',
        kind: 'line',
        required: true,
        owner: true,
      },
      {
        id: 'ourOwner',
        label: 'Our owner',
        help: 'The named person on your team accountable for the interface from build to support.',
        example: 'Sam Rivera, integration engineer',
        kind: 'line',
        required: true,
        owner: true,
      },
      {
        id: 'interfaceEngine',
        label: 'Interface engine',
        help: 'The engine the customer routes the feed through, and who operates the channel for you.',
        example: 'The hospital’s interface engine; one new outbound channel built and monitored by Northside IT',
        kind: 'line',
        required: false,
      },
    ],
  },
  {
    id: 'content',
    title: 'Standard and content',
    minutes: 7,
    fields: [
      {
        id: 'standard',
        label: 'Standard and version',
        help: 'The standard and its exact version, as the sending system will actually send it.',
        example: 'HL7 v2.5.1',
        kind: 'line',
        required: true,
        suggestions: ['HL7 v2.5.1', 'HL7 v2.3', 'FHIR R4 with US Core', 'FHIR R4', 'DICOM', 'DICOMweb', 'IHE profile (name it)'],
      },
      {
        id: 'messageTypes',
        label: 'Message or resource types',
        help: 'The message types and trigger events, or FHIR resources and interactions, in scope.',
        example: 'ORU^R01 (final and corrected results); ADT^A08 and ADT^A40 for demographic updates and merges',
        kind: 'text',
        required: true,
      },
      {
        id: 'profile',
        label: 'Implementation guide or profile',
        help: 'Any implementation guide, IHE profile or site interface specification that constrains the standard.',
        example: 'Northside outbound results specification v3 (2024); no IHE profile',
        kind: 'line',
        required: false,
      },
      {
        id: 'dataFields',
        label: 'Data fields',
        help: 'The fields you need, where each lives (segment and field, or resource element), and what you do with it.',
        example:
          'PID-3 medical record number (match key), PID-5 name, PID-7 birth date; OBR-4 test ordered; OBX-3 LOINC code, OBX-5 value, OBX-6 units, OBX-8 abnormal flag, OBX-11 result status',
        kind: 'text',
        required: true,
      },
      {
        id: 'codeSystems',
        label: 'Code systems',
        help: 'The code systems used for key fields, and who maps local codes.',
        example: 'LOINC for tests (site sends local codes plus LOINC in OBX-3); UCUM units; we keep the mapping table',
        kind: 'line',
        required: false,
      },
    ],
  },
  {
    id: 'timing',
    title: 'Timing and volume',
    minutes: 4,
    fields: [
      {
        id: 'trigger',
        label: 'Trigger and timing',
        help: 'The event that sends data, and whether it is real time, batched or on request.',
        example: 'Sent in real time when a result is verified; corrections re-sent with OBX-11 = C',
        kind: 'line',
        required: true,
      },
      {
        id: 'volume',
        label: 'Expected volume',
        help: 'Messages or requests per day and at peak, and how that grows with the rollout.',
        example: 'About 400 results a day for 120 enrolled patients; peaks of 60 an hour after morning draws',
        kind: 'line',
        required: true,
      },
      {
        id: 'latency',
        label: 'Latency target',
        help: 'How soon after the event the data must arrive for the workflow to work.',
        example: 'Within 5 minutes of verification, 99% of the time',
        kind: 'line',
        required: false,
      },
    ],
  },
  {
    id: 'security',
    title: 'Security and access',
    minutes: 4,
    fields: [
      {
        id: 'transport',
        label: 'Transport',
        help: 'How the data travels: protocol, network path and encryption.',
        example: 'MLLP over a site-to-site IPsec VPN to our gateway; TLS inside our network',
        kind: 'line',
        required: true,
      },
      {
        id: 'authentication',
        label: 'Authentication method',
        help: 'How each side proves who it is: network allow-lists, certificates, OAuth 2.0 clients, SMART scopes.',
        example: 'VPN peer authentication with certificates; source IP allow-list on our listener',
        kind: 'line',
        required: true,
      },
      {
        id: 'privacy',
        label: 'Privacy and consent',
        help: 'The legal basis for the data flow, consent if needed, and the agreements to sign.',
        example: 'Covered by the hospital’s data processing agreement with us; enrolled patients consent to remote monitoring',
        kind: 'text',
        required: true,
      },
      {
        id: 'dataLocation',
        label: 'Data location',
        help: 'Where the data is stored and processed, including backups and any sub-processors.',
        example: 'Our hosted environment in the same country as the hospital; backups in a second region of that country',
        kind: 'line',
        required: true,
      },
    ],
  },
  {
    id: 'operations',
    title: 'Testing and operations',
    minutes: 5,
    fields: [
      {
        id: 'testEnvironment',
        label: 'Test environment',
        help: 'Where both sides test before go-live, with what test patients, and who signs off.',
        example: 'Northside test EHR and engine, 20 synthetic patients, sign-off by the lab lead and our clinical safety officer',
        kind: 'text',
        required: true,
      },
      {
        id: 'errorHandling',
        label: 'Error handling',
        help: 'What happens to a message that fails: acknowledgments, retries, duplicates, and who is told.',
        example: 'We return AE with an ERR segment for unparseable messages; the engine retries 3 times then queues and alerts Northside IT',
        kind: 'text',
        required: true,
      },
      {
        id: 'monitoring',
        label: 'Monitoring',
        help: 'How each side notices a problem, including silence: a feed that stops is a failure too.',
        example: 'Alert if no result arrives for 60 minutes between 07:00 and 19:00; daily count reconciliation with the lab',
        kind: 'line',
        required: true,
      },
      {
        id: 'uptime',
        label: 'Uptime expectation',
        help: 'The availability each side commits to, maintenance windows, and what happens during downtime.',
        example: '99.5% for our listener; the engine queues up to 72 hours during our maintenance windows',
        kind: 'line',
        required: false,
      },
      {
        id: 'supportContact',
        label: 'Support contact',
        help: 'Who to call when the interface breaks, on both sides, and when.',
        example: 'Northside IT service desk (24/7) and our on-call integration engineer via the support line',
        kind: 'line',
        required: true,
        owner: true,
      },
    ],
  },
  {
    id: 'questions',
    title: 'Open questions',
    minutes: 2,
    fields: [
      {
        id: 'openQuestions',
        label: 'Open questions and risks',
        help: 'What is still unknown, who will find out, and by when.',
        example: 'Does the lab send preliminary results? (Priya, by next Friday). Risk: test engine shared with another project.',
        kind: 'text',
        required: false,
      },
    ],
  },
];

export const BRIEF_FIELDS: readonly FieldDefinition[] = BRIEF_SECTIONS.flatMap((section) => section.fields);

export type FieldId = string;

export function fieldById(id: string): FieldDefinition | undefined {
  return BRIEF_FIELDS.find((field) => field.id === id);
}

export function sectionOfField(id: string): SectionDefinition | undefined {
  return BRIEF_SECTIONS.find((section) => section.fields.some((field) => field.id === id));
}

/** The label a choice field shows for a stored value, or the value itself when unknown. */
export function choiceLabel(field: FieldDefinition, value: string): string {
  return field.options?.find((option) => option.value === value)?.label ?? value;
}
