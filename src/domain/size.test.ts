import { describe, expect, it } from 'vitest';
import { classifyIndustrial } from './size';

describe('classifyIndustrial()', () => {
  it.each([
    // [employees, revenue 万元, expected] — the worked examples of domain.md §2.6 and the boundaries
    [250, 50000, 'small'],
    [600, 60000, 'medium'],
    [1000, 40000, 'large'],
    [999, 400000, 'medium'],
    [5000, 39999, 'medium'],
    [300, 2000, 'medium'],
    [300, 1999, 'small'],
    [20, 300, 'small'],
    [19, 100000, 'micro'],
    [500, 299, 'micro'],
    [0, 0, 'micro'],
  ] as const)('%i employees, %i 万元 → %s', (employees, revenue, expected) => {
    expect(classifyIndustrial(employees, revenue)).toBe(expected);
  });
});
