import { spendSlice } from './spend-slice';

describe('spendSlice', () => {
  const lots = [
    { lotId: 'a', points: -30 },
    { lotId: 'b', points: -50 },
    { lotId: 'c', points: -20 },
  ];

  it('maps a slice inside one lot to that lot', () => {
    expect(spendSlice(lots, 0, 10)).toEqual([{ lotId: 'a', points: -10 }]);
  });

  it('splits a slice across lot boundaries, keeping the sign', () => {
    expect(spendSlice(lots, 25, 60)).toEqual([
      { lotId: 'a', points: -5 },
      { lotId: 'b', points: -50 },
      { lotId: 'c', points: -5 },
    ]);
  });

  it('gives disjoint slices that add up to the whole spend', () => {
    const parts = [spendSlice(lots, 0, 45), spendSlice(lots, 45, 40), spendSlice(lots, 85, 15)].flat();
    const byLot = new Map<string, number>();
    for (const part of parts) byLot.set(part.lotId, (byLot.get(part.lotId) ?? 0) + part.points);
    expect(Object.fromEntries(byLot)).toEqual({ a: -30, b: -50, c: -20 });
  });

  it('refuses a slice beyond the spend', () => {
    expect(() => spendSlice(lots, 90, 20)).toThrow(/outside/);
    expect(() => spendSlice(lots, 0, 0)).toThrow(/outside/);
  });
});
