// The charts' two number styles (src/ui/viz/number-format.ts): plain significant digits for analysis plots,
// and the compact form that switches to exponent notation so legend and tick labels stay short.
import { describe, expect, it } from 'vitest';
import { compactNumber, sigDigits } from '../../../src/ui/viz/number-format';

describe('sigDigits', () => {
  it('rounds to the digits asked for and drops trailing zeros', () => {
    expect(sigDigits(87.4049, 3)).toBe('87.4');
    expect(sigDigits(87.4, 4)).toBe('87.4');
    expect(sigDigits(-0.00212345, 4)).toBe('-0.002123');
    expect(sigDigits(1234.56, 4)).toBe('1235');
    expect(sigDigits(0, 3)).toBe('0');
  });
  it('prints a dash for values that are not numbers', () => {
    expect(sigDigits(Number.NaN, 3)).toBe('–');
    expect(sigDigits(Number.POSITIVE_INFINITY, 3)).toBe('–');
  });
});

describe('compactNumber', () => {
  it('keeps ordinary magnitudes as plain digits', () => {
    expect(compactNumber(0.5, 3)).toBe('0.5');
    expect(compactNumber(-9999, 4)).toBe('-9999');
    expect(compactNumber(0.01, 3)).toBe('0.01');
    expect(compactNumber(0, 3)).toBe('0');
  });
  it('switches to exponent form below 0.01 and from 10,000 on, with the decimals asked for', () => {
    expect(compactNumber(0.0032, 3, 1)).toBe('3.2e-3');
    expect(compactNumber(-12345, 4, 2)).toBe('-1.23e+4');
    expect(compactNumber(10000, 4)).toBe('1.000e+4');
  });
  it('prints a dash for NaN and infinities', () => {
    expect(compactNumber(Number.NaN, 4)).toBe('–');
    expect(compactNumber(Number.NEGATIVE_INFINITY, 4)).toBe('–');
  });
});
