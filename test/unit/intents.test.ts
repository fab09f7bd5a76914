import { IntentMatcher } from '../../core/runner/intent-matcher';
import { Localizer } from '../../core/kernel/localizer';
import { phrasings } from '../support/phrasings';

describe('free text', () => {
  const matcher = new IntentMatcher(new Localizer('Europe/Moscow'));

  it(`maps at least 95 % of ${phrasings.length} real phrasings to the right task`, () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(150);
    const wrong = phrasings.filter(([typed, action]) => (matcher.match(typed)?.action ?? null) !== action);
    const accuracy = 1 - wrong.length / phrasings.length;
    process.stdout.write(
      `intent accuracy: ${(accuracy * 100).toFixed(1)} % of ${phrasings.length} phrasings; missed: ${JSON.stringify(wrong.map(([typed, action]) => `${typed} → ${action} (got ${matcher.match(typed)?.action ?? null})`))}\n`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('takes the value typed with a readings request, and only there', () => {
    expect(matcher.match('показания 12345')).toEqual({ action: 'readings', argument: '12345' });
    expect(matcher.match('reading 34400')).toEqual({ action: 'readings', argument: '34400' });
    expect(matcher.match('оплатить 500')).toEqual({ action: 'pay' });
  });

  it('offers the nearest tasks for a misspelt request that matched none', () => {
    expect(matcher.closest('истрия', 3)).toContain('history');
  });
});
