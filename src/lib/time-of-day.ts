const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * A local time as `toLocaleTimeString('en-GB')` writes it with two-digit fields ("09:05:03"),
 * without Intl: the first Intl date format on a page loads ICU's data, tens of milliseconds,
 * and the worksheet shows "Saved at" a moment after the first keystroke.
 */
export function timeOfDay(at: number): string {
  const date = new Date(at);
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
}
