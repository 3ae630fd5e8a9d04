/**
 * The explorer's one example: the mapping rows and FHIR resources for the guide's ORU^R01
 * message, defined once in content/examples/v2-to-fhir/oru-r01.json. The message itself is
 * not copied there: it is read from the guide page named by `guidePage`, so the guide and the
 * explorer always show the same message.
 */
import data from '../../../content/examples/v2-to-fhir/oru-r01.json';
import { findHl7Example } from './locate';
import type { MappingExample } from './mapping';

export const ORU_EXAMPLE = data as unknown as MappingExample;

/** The example's message, found in the body of its guide page; throws if the page lost it. */
export function exampleMessage(guideBody: string, example: MappingExample = ORU_EXAMPLE): string {
  const message = findHl7Example(guideBody, example.messageType);
  if (message === undefined) {
    throw new Error(`content/guide/${example.guidePage}.mdx has no \`\`\`hl7 block with an ${example.messageType} message`);
  }
  return message;
}
