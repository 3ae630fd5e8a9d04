import { atom, computed } from 'nanostores';
import { persistentAtom, persistentMap } from '@nanostores/persistent';
import { decodeBackup, decodeStoredBrief, encodeBackup, encodeStoredBrief } from '../lib/brief/codec';
import { BRIEF_FIELDS, BRIEF_SECTIONS } from '../lib/brief/fields';
import { exportMarkdown, importMarkdown } from '../lib/brief/markdown';
import { answerOf, briefTitle, createBrief, duplicateBrief, mergeBriefs, setAnswer, setAnswers, type Brief } from '../lib/brief/model';
import { $storageHealth, installSafeStorage } from './storage';

installSafeStorage();

/** What one storage slot holds: a brief, or the raw text of one that could not be read. */
export type Slot = { ok: true; brief: Brief; notes: string[] } | { ok: false; raw: string; error: string };

export const SAVE_DELAY_MS = 300;
const PREFIX = 'interop-workbook:brief:';

/**
 * Briefs migrated from an older saved shape, remembered when first read: the store writes
 * them back in the current shape at once, so a later re-read would no longer show it.
 */
const migrated = new Set<string>();

export const $slots = persistentMap<Record<string, Slot>>(PREFIX, {}, {
  encode: (slot: Slot) => (slot.ok ? encodeStoredBrief(slot.brief) : slot.raw),
  decode: (raw: string): Slot => {
    const result = decodeStoredBrief(raw);
    if (result.ok && result.notes.length > 0) migrated.add(briefTitle(result.value));
    return result.ok ? { ok: true, brief: result.value, notes: result.notes } : { ok: false, raw, error: result.error };
  },
});

export const $currentId = persistentAtom<string>('interop-workbook:current-brief', '');

/** The brief the form shows, including keystrokes not yet saved. */
export const $draft = atom<Brief | null>(null);

export type SaveStatus = { state: 'idle' } | { state: 'pending' } | { state: 'saved'; at: number } | { state: 'failed'; at: number };
export const $saveStatus = atom<SaveStatus>({ state: 'idle' });

/** One-off messages for the polite notice area: recoveries, conflicts, imports, undo. */
export interface Notice {
  id: number;
  text: string;
  undo?: () => void;
}
export const $notice = atom<Notice | null>(null);

/** How many of the form's sections take input yet: each hydrates its fields on its own. */
export const $liveSections = atom(0);

/** Whether every section of the form takes input. */
export const $formLive = computed($liveSections, (count) => count === BRIEF_SECTIONS.length);

export const $briefs = computed($slots, (slots) =>
  Object.values(slots)
    .flatMap((slot) => (slot.ok ? [slot.brief] : []))
    // Ids compare by code unit: localeCompare would load ICU's collation data (tens of ms) for a tie.
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
);

export const $unreadable = computed($slots, (slots) =>
  Object.entries(slots).flatMap(([id, slot]) => (slot.ok ? [] : [{ id, raw: slot.raw, error: slot.error }])),
);

let noticeCount = 0;
export function notify(text: string, undo?: () => void): void {
  noticeCount += 1;
  $notice.set(undo ? { id: noticeCount, text, undo } : { id: noticeCount, text });
}

function newId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `b-${random.replace(/[^\w-]/g, '')}`.slice(0, 40);
}

let dirty = new Set<string>();
/** When this tab last typed into each field: text replaced soon after is worth a notice. */
const localEdits = new Map<string, number>();
const RECENT_EDIT_MS = 60_000;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The last version this tab wrote, to tell its own writes from another tab's. */
let lastWritten: Brief | undefined;

function writeSlot(brief: Brief): void {
  lastWritten = brief;
  $slots.setKey(brief.id, { ok: true, brief, notes: [] });
}

/** Writes the draft now, merged field by field with whatever another tab saved meanwhile. */
export function saveNow(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const draft = $draft.get();
  if (!draft || dirty.size === 0) return;
  const stored = $slots.get()[draft.id];
  const merged = stored?.ok ? mergeBriefs(stored.brief, draft) : draft;
  writeSlot(merged);
  dirty = new Set();
  $draft.set(merged);
  const at = Date.now();
  $saveStatus.set($storageHealth.get() === 'ok' ? { state: 'saved', at } : { state: 'failed', at });
}

function scheduleSave(): void {
  $saveStatus.set({ state: 'pending' });
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(saveNow, SAVE_DELAY_MS);
}

export function editAnswer(fieldId: string, value: string): void {
  const draft = $draft.get();
  if (!draft) return;
  const next = setAnswer(draft, fieldId, value, Date.now());
  if (next === draft) return;
  dirty.add(fieldId);
  localEdits.set(fieldId, Date.now());
  $draft.set(next);
  scheduleSave();
}

function open(brief: Brief): void {
  saveNow();
  dirty = new Set();
  localEdits.clear();
  $draft.set(brief);
  $currentId.set(brief.id);
}

export function switchBrief(id: string): void {
  const slot = $slots.get()[id];
  if (slot?.ok) open(slot.brief);
}

export function newBrief(values: Record<string, string> = {}): Brief {
  saveNow();
  const brief = createBrief(newId(), Date.now(), values);
  writeSlot(brief);
  open(brief);
  return brief;
}

export function duplicateCurrent(): void {
  saveNow();
  const draft = $draft.get();
  if (!draft) return;
  const copy = duplicateBrief(draft, newId(), Date.now());
  writeSlot(copy);
  open(copy);
  notify(`Made a copy: “${briefTitle(copy)}”.`);
}

export function renameCurrent(title: string): void {
  editAnswer('title', title);
  saveNow();
}

export function deleteBrief(id: string): void {
  saveNow();
  const slot = $slots.get()[id];
  if (!slot) return;
  const title = slot.ok ? briefTitle(slot.brief) : 'the unreadable brief';
  $slots.setKey(id, undefined as unknown as Slot);
  if ($currentId.get() === id) {
    const next = $briefs.get()[0];
    if (next) open(next);
    else newBrief();
  }
  notify(`Deleted “${title}”.`, () => {
    $slots.setKey(id, slot);
    if (slot.ok) open(slot.brief);
    notify(`Restored “${title}”.`);
  });
}

/** Replaces the current brief's answers (used by "Load example" and imports). */
export function replaceCurrent(values: Record<string, string>): void {
  const draft = $draft.get();
  if (!draft) return;
  const complete = Object.fromEntries(BRIEF_FIELDS.map((field) => [field.id, values[field.id] ?? '']));
  const next = setAnswers(draft, complete, Date.now());
  for (const field of BRIEF_FIELDS) dirty.add(field.id);
  $draft.set(next);
  saveNow();
}

export function hasAnswers(brief: Brief | null): boolean {
  return !!brief && BRIEF_FIELDS.some((field) => answerOf(brief, field.id).trim() !== '');
}

export function currentMarkdown(now = new Date()): string {
  const draft = $draft.get();
  return draft ? exportMarkdown(draft, now) : '';
}

export type ImportOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Imports a Markdown brief as a new brief, or a JSON backup; changes nothing on error. */
export function importFile(name: string, text: string): ImportOutcome {
  const looksJson = /\.json$/i.test(name) || /^\s*\{/.test(text);
  if (looksJson) {
    const backup = decodeBackup(text);
    if (!backup.ok) return { ok: false, message: `“${name}” could not be restored. ${backup.error}` };
    saveNow();
    const slots = $slots.get();
    let added = 0;
    let updated = 0;
    for (const brief of backup.value) {
      const existing = slots[brief.id];
      if (!existing || !existing.ok) {
        writeSlot(brief);
        added += 1;
      } else {
        const merged = mergeBriefs(existing.brief, brief);
        if (JSON.stringify(merged) !== JSON.stringify(existing.brief)) {
          writeSlot(merged);
          updated += 1;
        }
      }
    }
    const first = backup.value[0];
    const current = $slots.get()[$currentId.get()];
    if (current?.ok) open(current.brief);
    else if (first) switchBrief(first.id);
    return { ok: true, message: `Restored the backup “${name}”: ${added} added, ${updated} updated, ${backup.value.length - added - updated} already up to date.` };
  }
  const result = importMarkdown(text);
  if (!result.ok) return { ok: false, message: `“${name}” was not imported. ${result.error}` };
  const brief = newBrief(result.values);
  return { ok: true, message: `Imported “${briefTitle(brief)}” as a new brief.` };
}

export function backupJson(now = new Date()): string {
  saveNow();
  return encodeBackup($briefs.get(), now);
}

/**
 * Starts the worksheet: opens the last brief (or the first, or a new one), reports
 * recovered data, and follows edits made in other tabs.
 */
export function startWorksheet(): () => void {
  const unbind = $slots.listen((slots) => {
    const draft = $draft.get();
    if (!draft) return;
    const slot = slots[draft.id];
    if (!slot) {
      // Deleted in another tab: keep the text on screen and save it again if edited.
      return;
    }
    if (!slot.ok || slot.brief === lastWritten) return;
    const incoming = slot.brief;
    const now = Date.now();
    const overwritten = BRIEF_FIELDS.map((field) => field.id).filter((id) => {
      const theirs = incoming.answers[id];
      const mine = draft.answers[id];
      const editedHere = localEdits.get(id);
      return theirs && mine && theirs.at > mine.at && theirs.value !== mine.value && editedHere !== undefined && now - editedHere < RECENT_EDIT_MS;
    });
    const merged = mergeBriefs(draft, incoming);
    $draft.set(merged);
    for (const id of overwritten) {
      dirty.delete(id);
      localEdits.delete(id);
    }
    if (overwritten.length > 0) {
      const labels = overwritten.map((id) => BRIEF_FIELDS.find((field) => field.id === id)?.label ?? id);
      notify(`${labels.join(', ')} ${labels.length === 1 ? 'was' : 'were'} changed in another tab more recently; showing that newer text.`);
    }
  });

  const slots = $slots.get();
  const recovered = [...migrated];
  migrated.clear();
  const briefs = $briefs.get();
  const current = slots[$currentId.get()];
  if (current?.ok) open(current.brief);
  else if (briefs[0]) open(briefs[0]);
  else newBrief();
  if (recovered.length > 0) {
    for (const brief of $briefs.get()) writeSlot(brief);
    notify(`Saved data from an earlier version was updated: ${recovered.join(', ')}. Nothing was lost.`);
  }

  const flush = () => saveNow();
  const onHide = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unbind();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHide);
  };
}
