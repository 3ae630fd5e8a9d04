import { BRIEF_FIELDS, BRIEF_SECTIONS, type FieldDefinition, type SectionDefinition } from './fields.ts';

/** One answer, with the time it was last typed so that two tabs can merge field by field. */
export interface Answer {
  value: string;
  /** Milliseconds since 1970 when this answer last changed. */
  at: number;
}

export interface Brief {
  id: string;
  createdAt: number;
  updatedAt: number;
  answers: Record<string, Answer>;
}

/** Line endings become \n and control characters other than tab and newline are dropped. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export function createBrief(id: string, now: number, values: Record<string, string> = {}): Brief {
  const brief: Brief = { id, createdAt: now, updatedAt: now, answers: {} };
  return setAnswers(brief, values, now);
}

export function answerOf(brief: Brief, fieldId: string): string {
  return brief.answers[fieldId]?.value ?? '';
}

/** Whether two briefs answer every field the same, whatever their ids and times. */
export function sameAnswers(first: Brief, second: Brief): boolean {
  return first.answers === second.answers || BRIEF_FIELDS.every((field) => answerOf(first, field.id) === answerOf(second, field.id));
}

/** All answers as plain strings, every field present. */
export function answerValues(brief: Brief): Record<string, string> {
  return Object.fromEntries(BRIEF_FIELDS.map((field) => [field.id, answerOf(brief, field.id)]));
}

export function setAnswer(brief: Brief, fieldId: string, value: string, now: number): Brief {
  return setAnswers(brief, { [fieldId]: value }, now);
}

/** Sets answers for known fields only; unknown ids are ignored. */
export function setAnswers(brief: Brief, values: Record<string, string>, now: number): Brief {
  const answers = { ...brief.answers };
  let changed = false;
  for (const field of BRIEF_FIELDS) {
    const raw = values[field.id];
    if (raw === undefined) continue;
    const value = normaliseText(raw);
    if (answers[field.id]?.value === value) continue;
    answers[field.id] = { value, at: now };
    changed = true;
  }
  return changed ? { ...brief, answers, updatedAt: Math.max(brief.updatedAt, now) } : brief;
}

export function briefTitle(brief: Brief): string {
  const title = answerOf(brief, 'title').trim();
  return title || 'Untitled brief';
}

export function duplicateBrief(brief: Brief, id: string, now: number): Brief {
  const values = answerValues(brief);
  values['title'] = `${briefTitle(brief)} (copy)`;
  return createBrief(id, now, values);
}

/**
 * Merges two versions of the same brief field by field: the more recently typed answer
 * wins, so a tab never overwrites another tab's newer text with its older copy.
 */
export function mergeBriefs(a: Brief, b: Brief): Brief {
  const answers: Record<string, Answer> = { ...a.answers };
  for (const [id, answer] of Object.entries(b.answers)) {
    const mine = answers[id];
    if (!mine || answer.at > mine.at) answers[id] = answer;
  }
  return {
    id: a.id,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    answers,
  };
}

export interface SectionProgress {
  section: SectionDefinition;
  answered: number;
  total: number;
}

export interface Completeness {
  sections: SectionProgress[];
  answered: number;
  total: number;
  /** Whole percent, rounded down so that 100 means every field is answered. */
  percent: number;
}

export function isAnswered(brief: Brief, field: FieldDefinition): boolean {
  const value = answerOf(brief, field.id).trim();
  if (field.kind === 'choice') return (field.options ?? []).some((option) => option.value === value);
  return value.length > 0;
}

export function completeness(brief: Brief): Completeness {
  const sections = BRIEF_SECTIONS.map((section) => ({
    section,
    answered: section.fields.filter((field) => isAnswered(brief, field)).length,
    total: section.fields.length,
  }));
  const answered = sections.reduce((sum, section) => sum + section.answered, 0);
  const total = sections.reduce((sum, section) => sum + section.total, 0);
  return { sections, answered, total, percent: Math.floor((answered / total) * 100) };
}

export interface VagueAnswer {
  field: FieldDefinition;
  reason: string;
}

interface VaguePattern {
  pattern: RegExp;
  reason: string;
  /** The fields the pattern applies to; every text field when absent. */
  fields?: readonly string[];
}

const SYSTEM_FIELDS = ['sourceSystem', 'targetSystem', 'interfaceEngine', 'customer'];
const OWNER_FIELDS = ['customerOwner', 'ourOwner', 'supportContact'];

const VAGUE_PATTERNS: readonly VaguePattern[] = [
  {
    pattern: /^(tbd|tbc|to be (decided|confirmed|determined)|unknown|not sure|\?+|n\/?a|none|-+|todo|later|same|see above)\.?$/i,
    reason: 'is a placeholder, not an answer',
  },
  {
    pattern: /^(the |their |our |a |an )?(ehr|emr|ehr system|emr system|hospital|hospital system|the system|system|engine|interface engine|lab|pacs|ris|lis|customer|client)\.?$/i,
    reason: 'names no specific system, site, module or version',
    fields: SYSTEM_FIELDS,
  },
  {
    pattern: /^(the |their |our )?(it|it team|it department|hospital it|vendor|team|someone|us|them|support|helpdesk|help desk|tbd)\.?$/i,
    reason: 'names no person, role or way to reach them',
    fields: OWNER_FIELDS,
  },
  {
    pattern: /^(hl7|hl7 v2|v2|fhir|dicom|api|rest|an api|ihe|json|xml)\.?$/i,
    reason: 'gives no version, implementation guide or profile',
    fields: ['standard'],
  },
  {
    pattern: /^(asap|real[- ]?time|fast|quick(ly)?|soon|immediately|instant(ly)?)\.?$/i,
    reason: 'gives no measurable target',
    fields: ['latency', 'trigger'],
  },
];

/** Answers that would leave the other side guessing: placeholders, "the EHR", empty owners. */
export function vagueAnswers(brief: Brief): VagueAnswer[] {
  const found: VagueAnswer[] = [];
  for (const field of BRIEF_FIELDS) {
    if (field.kind === 'choice') continue;
    const value = answerOf(brief, field.id).trim();
    if (!value) {
      if (field.owner) found.push({ field, reason: 'is empty: nobody owns this yet' });
      continue;
    }
    const match = VAGUE_PATTERNS.find(({ pattern, fields }) => (!fields || fields.includes(field.id)) && pattern.test(value));
    if (match) found.push({ field, reason: match.reason });
  }
  return found;
}
