import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber } from '../../src/lib/number-format.ts';

const intl = (value: number, digits: number) => value.toLocaleString('en-GB', { maximumFractionDigits: digits });

describe('formatNumber', () => {
  it('groups thousands and drops trailing zeros as en-GB does', () => {
    assert.equal(formatNumber(1234), '1,234');
    assert.equal(formatNumber(1234567.5, 2), '1,234,567.5');
    assert.equal(formatNumber(0.5, 2), '0.5');
    assert.equal(formatNumber(100, 2), '100');
    assert.equal(formatNumber(999), '999');
  });

  it('rounds half away from zero on the shortest decimal, where toFixed does not', () => {
    assert.equal(formatNumber(1.005, 2), '1.01');
    assert.equal((1.005).toFixed(2), '1.00');
    assert.equal(formatNumber(9.995, 2), '10');
    assert.equal(formatNumber(99.995, 2), '100');
    assert.equal(formatNumber(999.5), '1,000');
    assert.equal(formatNumber(0.0049, 2), '0');
    assert.equal(formatNumber(2.5), '3');
  });

  it('writes very small, very large, negative and non-finite values as Intl does', () => {
    for (const value of [0, -0, -0.001, -1234.5, 1e-7, 1.234e-6, 1e21, 1.5e25, 123456789.125, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity]) {
      for (const digits of [0, 1, 2]) assert.equal(formatNumber(value, digits), intl(value, digits), `${value} with ${digits} digits`);
    }
  });

  it('matches Intl for ten thousand values across the magnitudes the tools show', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 10_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 14 - 4);
      const value = i % 3 === 0 ? Math.round(random() * 100_000) / 1000 : random() * magnitude;
      const digits = i % 3;
      assert.equal(formatNumber(value, digits), intl(value, digits), `${value} with ${digits} digits`);
    }
  });
});
