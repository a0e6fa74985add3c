import { describe, expect, it } from 'vitest';
import { perfText } from '../../../src/cli/imp-command';

describe('imp progress line', () => {
  it('shows vision accuracy as a percentage and a control return unscaled', () => {
    expect(perfText('accuracy', 0.8423)).toBe('test 84.2%');
    expect(perfText('return', 385.14)).toBe('return 385.1');
    expect(perfText('return', -812.5)).toBe('return -812.5');
  });
});
