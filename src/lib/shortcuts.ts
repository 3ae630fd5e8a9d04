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

/** What a key does on the presenter timer. */
export type TimerCommand = 'toggle' | 'next' | 'previous' | 'reset' | 'fullscreen' | 'sound';

/** Elements whose own Space or Enter behaviour must not be taken over by a shortcut. */
const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * The presenter timer's single-key shortcuts. None fires while typing in a field, with Ctrl,
 * Cmd or Alt held (so Ctrl+K still opens search), or on "/" (which opens search).
 * Space is left to a focused button or checkbox, which it presses.
 */
export function timerShortcut(event: KeyLike, target: TargetLike | null): TimerCommand | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isEditableTarget(target)) return null;
  const key = event.key;
  if (key === ' ' || key === 'Spacebar') {
    return target && CONTROL_TAGS.has(target.tagName.toUpperCase()) ? null : 'toggle';
  }
  // Arrow keys move between radio buttons and sliders: leave them to those.
  if ((key === 'ArrowRight' || key === 'ArrowLeft') && target?.tagName.toUpperCase() === 'INPUT') return null;
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  switch (key.toLowerCase()) {
    case 'n':
      return 'next';
    case 'p':
      return 'previous';
    case 'r':
      return 'reset';
    case 'f':
      return 'fullscreen';
    case 'm':
      return 'sound';
    default:
      return null;
  }
}
