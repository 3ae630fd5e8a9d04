import type { TimedSection } from './timer.ts';

/**
 * A workshop agenda: blocks written for the session (welcome, debrief) around the brief,
 * whose sections and time boxes always come from the worksheet's own definition.
 */

/** A block of the session that is not part of the brief. */
export interface AgendaBlock {
  title: string;
  minutes: number;
  /** What happens in this block, in one or two sentences. */
  what: string;
}

/** `'brief'` stands for the worksheet's sections, one row each, in order. */
export type AgendaItem = AgendaBlock | 'brief';

export interface AgendaRow {
  title: string;
  minutes: number;
  /** Minutes from the start of the session. */
  start: number;
  end: number;
  /** The worksheet section this row is, when it is one. */
  section?: { id: string; number: number };
  what?: string;
}

export function buildAgenda(items: readonly AgendaItem[], sections: readonly TimedSection[]): AgendaRow[] {
  const rows: AgendaRow[] = [];
  let clock = 0;
  const add = (row: Omit<AgendaRow, 'start' | 'end'>) => {
    if (!Number.isFinite(row.minutes) || row.minutes <= 0) throw new Error(`Agenda block "${row.title}" needs a positive number of minutes.`);
    rows.push({ ...row, start: clock, end: clock + row.minutes });
    clock += row.minutes;
  };
  for (const item of items) {
    if (item === 'brief') {
      sections.forEach((section, index) => add({ title: section.title, minutes: section.minutes, section: { id: section.id, number: index + 1 } }));
    } else {
      add({ title: item.title, minutes: item.minutes, what: item.what });
    }
  }
  return rows;
}

export function agendaMinutes(rows: readonly AgendaRow[]): number {
  return rows.at(-1)?.end ?? 0;
}

/** Minutes from the start as a clock offset: 0 → "0:00", 75 → "1:15". */
export function formatOffset(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
