import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import content from '../../content/imaging-sizing.json';
import { decodeStoredInput, defaultInput, LIMITS, nextRowId, type ModalityRowInput, type SizingInput } from '../lib/imaging-sizing';
import { installSafeStorage } from './storage';

installSafeStorage();

export const DEFAULT_SIZING_INPUT: SizingInput = defaultInput(content.modalities);

/** Everything typed into the calculator, as typed, so a reload shows the same form (errors included). */
export const $sizingInput = persistentAtom<SizingInput>('interop-workbook:imaging-sizing', DEFAULT_SIZING_INPUT, {
  encode: JSON.stringify,
  decode: (raw) => decodeStoredInput(raw) ?? DEFAULT_SIZING_INPUT,
});

/**
 * Whether this input differs from the defaults the server rendered: an island then swaps its
 * hydrated tree for a fresh one, since Preact does not patch merged text while hydrating.
 */
export const differsFromDefaults = (input: SizingInput): boolean =>
  input !== DEFAULT_SIZING_INPUT && JSON.stringify(input) !== JSON.stringify(DEFAULT_SIZING_INPUT);

/** Whether the form lists its problems (after Calculate, or at once for saved input no longer valid), for the results. */
export const $sizingErrorsShown = atom(false);

type Settings = Omit<SizingInput, 'rows'>;

export function updateSetting<K extends keyof Settings>(key: K, value: Settings[K]): void {
  $sizingInput.set({ ...$sizingInput.get(), [key]: value });
}

export function updateRow(id: string, patch: Partial<Omit<ModalityRowInput, 'id'>>): void {
  const input = $sizingInput.get();
  $sizingInput.set({ ...input, rows: input.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
}

/** Adds an empty row and returns its id, or null when the form already has the most rows allowed. */
export function addRow(): string | null {
  const input = $sizingInput.get();
  if (input.rows.length >= LIMITS.maxRows) return null;
  const id = nextRowId(input.rows);
  $sizingInput.set({ ...input, rows: [...input.rows, { id, name: '', studiesPerDay: '', studySizeMb: '' }] });
  return id;
}

export function removeRow(id: string): void {
  const input = $sizingInput.get();
  $sizingInput.set({ ...input, rows: input.rows.filter((row) => row.id !== id) });
}

export function resetSizing(): void {
  $sizingInput.set(DEFAULT_SIZING_INPUT);
}
