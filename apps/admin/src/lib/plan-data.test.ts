import { describe, expect, it } from 'vitest';
import { defaultYear, yearsOf } from './plan-data.ts';

describe('defaultYear', () => {
  const period = { start: 2021, end: 2025 };

  it('is the latest year with an approved value', () => {
    expect(defaultYear(period, [2022, 2024])).toBe(2024);
  });

  it('without values, is the last finished year, kept inside the period', () => {
    const last = new Date().getFullYear() - 1;
    expect(defaultYear(period, [])).toBe(Math.min(Math.max(last, 2021), 2025));
    expect(defaultYear({ start: 2090, end: 2095 }, [])).toBe(2090);
    expect(defaultYear({ start: 2001, end: 2005 }, [])).toBe(2005);
  });
});

describe('yearsOf', () => {
  it('lists every year of the period', () => {
    expect(yearsOf({ start: 2021, end: 2025 })).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});
