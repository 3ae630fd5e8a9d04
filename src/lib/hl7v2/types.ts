/** The five characters a message declares in MSH-1 and MSH-2 (the fifth, truncation, only from v2.7). */
export interface Separators {
  /** MSH-1, usually "|". */
  field: string;
  /** MSH-2 character 1, usually "^". */
  component: string;
  /** MSH-2 character 2, usually "~". */
  repetition: string;
  /** MSH-2 character 3, usually "\". */
  escape: string;
  /** MSH-2 character 4, usually "&". */
  subcomponent: string;
  /** MSH-2 character 5 (v2.7 and later), usually "#"; '' when not declared. */
  truncation: string;
}

/** One segment: its ID and the raw text of each field, fields[0] being field 1. */
export interface Segment {
  /** Three characters such as "PID", or the text before the first separator when that is not a valid ID. */
  id: string;
  /** 1-based line of the message (after MLLP framing and blank lines are removed). */
  line: number;
  /** Raw field texts, still escaped. For MSH, fields[0] is MSH-1 and fields[1] is MSH-2. */
  fields: string[];
  /** False when the line does not begin with a valid segment ID. */
  validId: boolean;
}

export type LineEnding = 'CR' | 'LF' | 'CRLF' | 'mixed' | 'none';

/** Something the parser worked around; the message is still shown. */
export interface Hl7Warning {
  code:
    | 'mllp-unterminated'
    | 'mllp-trailing'
    | 'lines-before-msh'
    | 'bad-segment-id'
    | 'second-message'
    | 'msh9-missing'
    | 'msh9-form'
    | 'msh10-missing'
    | 'msh12-missing'
    | 'control-characters';
  message: string;
  /** The line it concerns, when there is one. */
  line?: number;
}

/** Why the input could not be read as an HL7 v2 message at all. */
export interface Hl7Error {
  code: 'no-msh' | 'field-separator' | 'encoding-characters' | 'truncated-header';
  message: string;
  line?: number;
}

export interface ParsedMessage {
  separators: Separators;
  segments: Segment[];
  warnings: Hl7Warning[];
  lineEnding: LineEnding;
  /** True when MLLP start/end bytes were removed. */
  mllp: boolean;
  /** MSH-9 components 1 to 3 (unescaped), '' when absent. */
  messageType: { code: string; event: string; structure: string };
  /** MSH-10. */
  controlId: string;
  /** MSH-12 component 1, '' when absent. */
  version: string;
  /** Characters read (after framing was removed). */
  length: number;
}

export type ParseResult = { ok: true; message: ParsedMessage } | { ok: false; error: Hl7Error } | { ok: 'empty' };
