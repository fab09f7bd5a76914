import { IntentMatcher } from '../../core/runner/intent-matcher';
import { Localizer } from '../../core/kernel/localizer';
import { phrasings, type Phrasing } from '../support/phrasings';
import { taskOf } from '../../core/runner/tasks';

/** What a phrasing must lead to: `text` stands for an appeal with the customer's own words. */
function expected([typed, action, argument]: Phrasing): { action: string | null; argument?: string } {
  if (argument === 'text') return { action, argument: `text:${typed.trim()}` };
  return argument === undefined ? { action } : { action, argument };
}

describe('free text', () => {
  const matcher = new IntentMatcher(new Localizer('Europe/Moscow'));
  const got = (typed: string) => {
    const intent = matcher.match(typed);
    return intent === null ? { action: null } : intent;
  };

  it(`maps at least 97 % of ${phrasings.length} real phrasings to the right task and argument`, () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(300);
    expect(phrasings.filter(([, action]) => action === 'appeal').length).toBeGreaterThanOrEqual(40);
    expect(phrasings.filter(([, action]) => action === null).length).toBeGreaterThanOrEqual(30);
    const wrong = phrasings.filter((phrasing) => JSON.stringify(got(phrasing[0])) !== JSON.stringify(expected(phrasing)));
    const accuracy = 1 - wrong.length / phrasings.length;
    process.stdout.write(
      `intent accuracy: ${(accuracy * 100).toFixed(1)} % of ${phrasings.length} phrasings; missed: ${JSON.stringify(
        wrong.map((phrasing) => `${phrasing[0]} → ${JSON.stringify(expected(phrasing))} (got ${JSON.stringify(got(phrasing[0]))})`),
      )}\n`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('names only tasks that exist', () => {
    const named = new Set(phrasings.flatMap(([, action]) => (action === null ? [] : [action])));
    expect([...named].filter((action) => !taskOf(action))).toEqual([]);
  });

  it('takes what was said with the task: a reading, an amount, an account, a month, a period', () => {
    expect(matcher.match('показания 12345')).toEqual({ action: 'readings', argument: '12345' });
    expect(matcher.match('reading 34400')).toEqual({ action: 'readings', argument: '34400' });
    expect(matcher.match('оплатить 500')).toEqual({ action: 'pay', argument: '500' });
    expect(matcher.match('заплатить 1500,50 руб')).toEqual({ action: 'pay', argument: '1500,50' });
    expect(matcher.match('оплатить счёт 1000 0000 0003')).toEqual({ action: 'pay', argument: 'account:100000000003' });
    expect(matcher.match('квитанция за октябрь')).toEqual({ action: 'receipts', argument: '--10' });
    expect(matcher.match('квитанция за март 2019')).toEqual({ action: 'receipts', argument: '2019-03' });
    expect(matcher.match('начисления за ноябрь')).toEqual({ action: 'charges', argument: '--11' });
  });

  it('takes no amount from a month named with pay, and no «may» for May', () => {
    expect(matcher.match('оплатить за 10.2026')).toEqual({ action: 'pay' });
    expect(matcher.match('may I pay now')).toEqual({ action: 'pay' });
  });

  it('offers a complaint as an appeal with its words, and a short one as an empty appeal', () => {
    const complaint = 'Прошу проверить начисление за октябрь: показания передавал вовремя, а начислили по нормативу. Разберитесь, пожалуйста.';
    expect(matcher.match(complaint)).toEqual({ action: 'appeal', argument: `text:${complaint}` });
    expect(matcher.match('хочу пожаловаться')).toEqual({ action: 'appeal' });
    expect(matcher.match('у меня сломался счетчик')).toEqual({ action: 'appeal', argument: 'topic:meter' });
  });

  it('offers the nearest tasks for a misspelt request that matched none', () => {
    expect(matcher.closest('истрия', 3)).toContain('history');
  });
});
