/** The parts of a keyboard event the shortcut logic reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented?: boolean;
}

/** Elements that take typed text, where "/" must type a slash rather than open search. */
export interface TargetLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

export function isEditableTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.getAttribute?.('type') ?? '').toLowerCase());
  return target.isContentEditable === true;
}

/** Ctrl+K or Cmd+K anywhere; "/" only when the reader is not typing into a field. */
export function isSearchShortcut(event: KeyLike, inEditableField: boolean): boolean {
  if (event.defaultPrevented) return false;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !inEditableField;
}
