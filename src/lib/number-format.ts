/**
 * Numbers as `toLocaleString('en-GB', { maximumFractionDigits })` writes them ("12,345.68"), without
 * Intl. A page's first Intl number format loads ICU's locale data: 50 to 70 ms on a desktop here, four
 * times that on a mid-range phone, and the sizing form and the HL7 explorer format numbers as they
 * first render. Rounding is Intl's: half away from zero, on the shortest decimal that reads back as
 * the same double (so 1.005 rounds to 1.01, where `toFixed` gives 1.00).
 */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const wholeLength = Number(exponent) + 1;
  let whole = wholeLength <= 0 ? '0' : digits.slice(0, wholeLength).padEnd(wholeLength, '0');
  let fraction = wholeLength <= 0 ? '0'.repeat(-wholeLength) + digits : digits.slice(wholeLength);
  if (fraction.length > maxFractionDigits) {
    const roundUp = fraction.charAt(maxFractionDigits) >= '5';
    fraction = fraction.slice(0, maxFractionDigits);
    if (roundUp) {
      const incremented = (BigInt(whole + fraction) + 1n).toString().padStart(whole.length + fraction.length, '0');
      whole = incremented.slice(0, incremented.length - fraction.length);
      fraction = incremented.slice(incremented.length - fraction.length);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}
