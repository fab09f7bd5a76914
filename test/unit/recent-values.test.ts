import { RecentValues } from '../../core/kernel/recent-values';

describe('values kept for a while', () => {
  it('forgets the least recently used past its size, and any value past its time', () => {
    const kept = new RecentValues<number>(2, 1_000);
    kept.set('a', 1, 0);
    kept.set('b', 2, 0);
    expect(kept.get('a', 10)).toBe(1);
    kept.set('c', 3, 20);
    expect([kept.get('a', 30), kept.get('b', 30), kept.get('c', 30)]).toEqual([1, undefined, 3]);
    expect(kept.get('c', 1_020)).toBeUndefined();
  });
});
