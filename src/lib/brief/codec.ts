import { BRIEF_FIELDS } from './fields.ts';
import { normaliseText, type Answer, type Brief } from './model.ts';

/**
 * Saved briefs come back from storage and from backup files, both of which a person or
 * another version of the site may have changed. Reading them never throws: it returns a
 * brief or a reason.
 */

export const STORAGE_FORMAT_VERSION = 1;
export const BACKUP_FORMAT = 'interop-workbook-backup';
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;

const KNOWN_FIELDS = new Set(BRIEF_FIELDS.map((field) => field.id));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export type ReadResult<T> = { ok: true; value: T; notes: string[] } | { ok: false; error: string };

/** Reads one brief in the current shape, or in the shape without timestamps that a hand-edited file may have. */
export function readBrief(input: unknown): ReadResult<Brief> {
  if (!isRecord(input)) return { ok: false, error: 'is not an object' };
  const { id, createdAt, updatedAt, answers } = input;
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) return { ok: false, error: 'has no valid id' };
  if (!isRecord(answers)) return { ok: false, error: 'has no answers' };
  const created = isTime(createdAt) ? createdAt : 0;
  const updated = isTime(updatedAt) ? updatedAt : created;
  const notes: string[] = [];
  const read: Record<string, Answer> = {};
  for (const [fieldId, answer] of Object.entries(answers)) {
    if (!KNOWN_FIELDS.has(fieldId)) {
      notes.push(`dropped an unknown field "${fieldId}"`);
      continue;
    }
    if (typeof answer === 'string') {
      read[fieldId] = { value: normaliseText(answer), at: updated };
    } else if (isRecord(answer) && typeof answer['value'] === 'string') {
      read[fieldId] = { value: normaliseText(answer['value']), at: isTime(answer['at']) ? answer['at'] : updated };
    } else {
      notes.push(`dropped an unreadable answer for "${fieldId}"`);
    }
  }
  return { ok: true, value: { id, createdAt: created, updatedAt: updated, answers: read }, notes };
}

/** What one saved slot holds: the format version next to the brief. */
export function encodeStoredBrief(brief: Brief): string {
  return JSON.stringify({ format: STORAGE_FORMAT_VERSION, brief });
}

export function decodeStoredBrief(raw: string): ReadResult<Brief> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'is not valid JSON' };
  }
  if (!isRecord(parsed)) return { ok: false, error: 'is not an object' };
  // Before the format number existed a slot held the brief itself.
  if (!('format' in parsed)) {
    const legacy = readBrief(parsed);
    return legacy.ok ? { ...legacy, notes: ['moved from the earlier storage format', ...legacy.notes] } : legacy;
  }
  if (parsed['format'] !== STORAGE_FORMAT_VERSION) return { ok: false, error: `uses storage format ${String(parsed['format'])}, newer than this page knows` };
  return readBrief(parsed['brief']);
}

export function encodeBackup(briefs: readonly Brief[], exportedAt: Date): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: STORAGE_FORMAT_VERSION, exportedAt: exportedAt.toISOString(), briefs }, null, 2)}\n`;
}

export function decodeBackup(text: string): ReadResult<Brief[]> {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: 'This backup is larger than 5 MB, which is more than a backup from this site can be.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it is not a backup from this site.' };
  }
  if (!isRecord(parsed) || parsed['format'] !== BACKUP_FORMAT) return { ok: false, error: 'This JSON file is not an Interop Workbook backup.' };
  if (parsed['version'] !== STORAGE_FORMAT_VERSION) {
    return { ok: false, error: `This backup uses version ${String(parsed['version'])}, which this version of the site does not know. Nothing was changed.` };
  }
  if (!Array.isArray(parsed['briefs'])) return { ok: false, error: 'This backup has no list of briefs.' };
  const briefs: Brief[] = [];
  const notes: string[] = [];
  for (const [index, entry] of parsed['briefs'].entries()) {
    const result = readBrief(entry);
    if (!result.ok) return { ok: false, error: `Brief ${index + 1} in this backup ${result.error}. Nothing was changed.` };
    briefs.push(result.value);
    notes.push(...result.notes);
  }
  return { ok: true, value: briefs, notes };
}
