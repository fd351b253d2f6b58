import { DAY_MS } from '~/core/calendar/durations';
import { cutRanks, cutsOfValues, orderStatistic, recencyDay, rfmCode, rfmScores, scoreAgainst, startOfRecencyDay } from './rfm';

/** The definition, straight: ceil(5 × share of the population at or below the value). */
const byDefinition = (values: number[], value: number) => Math.ceil((5 * values.filter((v) => v <= value).length) / values.length);

describe('RFM scores', () => {
  it('splits ten distinct values into quintiles of two, the top always 5', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const cuts = cutsOfValues(values);
    expect(cuts).toEqual([3, 5, 7, 9]);
    expect(values.map((v) => scoreAgainst(v, cuts))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('scores at a quintile edge by the share at or below the value', () => {
    // Seven values: 5·k/7 is not whole, so edges fall inside a quintile.
    const values = [10, 20, 30, 40, 50, 60, 70];
    const cuts = cutsOfValues(values);
    expect(values.map((v) => scoreAgainst(v, cuts))).toEqual(values.map((v) => byDefinition(values, v)));
    expect(values.map((v) => scoreAgainst(v, cuts))).toEqual([1, 2, 3, 3, 4, 5, 5]);
  });

  it('gives equal values the same score, the upper one of their ranks', () => {
    const values = [1, 1, 1, 1, 1, 1, 2, 3, 3, 9];
    const cuts = cutsOfValues(values);
    const scores = values.map((v) => scoreAgainst(v, cuts));
    expect(scores).toEqual([3, 3, 3, 3, 3, 3, 4, 5, 5, 5]);
    expect(scores).toEqual(values.map((v) => byDefinition(values, v)));
  });

  it('matches the definition on random populations with many ties', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) % 1000) / 1000;
    for (let round = 0; round < 50; round += 1) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 8));
      const cuts = cutsOfValues(values);
      for (const v of values) expect(scoreAgainst(v, cuts)).toBe(byDefinition(values, v));
    }
  });

  it('scores a one-member population 5,5,5', () => {
    const at = Date.UTC(2026, 5, 1);
    const cuts = { r: cutsOfValues([recencyDay(at)]), f: cutsOfValues([1]), m: cutsOfValues([990]) };
    expect(rfmScores({ lastPurchaseAt: at, purchases: 1, spendFen: 990 }, cuts)).toEqual({ r: 5, f: 5, m: 5 });
  });

  it('scores members without a purchase in the window, or an empty window, 0,0,0', () => {
    expect(cutRanks(0)).toEqual([0, 0, 0, 0]);
    expect(rfmScores(null, null)).toEqual({ r: 0, f: 0, m: 0 });
    expect(rfmScores({ lastPurchaseAt: 0, purchases: 0, spendFen: 0 }, { r: [1, 1, 1, 1], f: [1, 1, 1, 1], m: [1, 1, 1, 1] })).toEqual({
      r: 0,
      f: 0,
      m: 0,
    });
    expect(rfmCode({ r: 0, f: 0, m: 0 })).toBe(0);
    expect(rfmCode({ r: 5, f: 3, m: 1 })).toBe(531);
  });

  it('counts recency by Shanghai day: two purchases on one day tie', () => {
    const day = recencyDay(Date.UTC(2026, 0, 1, 16, 0)); // 00:00 on 2 January in Shanghai
    expect(recencyDay(Date.UTC(2026, 0, 2, 15, 59))).toBe(day);
    expect(recencyDay(Date.UTC(2026, 0, 1, 15, 59))).toBe(day - 1);
    expect(startOfRecencyDay(day)).toBe(Date.UTC(2026, 0, 1, 16, 0));
    expect(startOfRecencyDay(day + 1) - startOfRecencyDay(day)).toBe(DAY_MS);
  });

  it('finds a cut point by counts alone, the same as sorting', async () => {
    const values = [0, 0, 5, 5, 5, 12, 40, 40, 41, 1_000_000];
    const counted = (x: number) => Promise.resolve(values.filter((v) => v <= x).length);
    const cuts = await Promise.all(cutRanks(values.length).map((rank) => orderStatistic(rank, 0, 1_000_000, counted)));
    expect(cuts).toEqual(cutsOfValues(values));
  });
});
