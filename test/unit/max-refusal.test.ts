import { MaxError } from '@maxhub/max-bot-api';
import { maxRefusal } from '../../bots/channels/max/max-api';
import { failsEveryTime } from '../../core/kernel/failure-kind';
import { PlatformError } from '../../core/kernel/platform-error';

/** What MAX's refusals become: a status the outbox and the runner decide on, tried again or set aside. */
describe("MAX's refusals", () => {
  it.each([
    [400, 'proto.payload', 400, true],
    [400, 'attachment.not.ready', 503, false],
    [403, 'chat.denied', 403, false],
    [429, 'too.many.requests', 429, false],
    [503, 'service.unavailable', 503, false],
  ])('%i %s is a PlatformError %i; fails every time: %s', (status, code, becomes, forGood) => {
    const refusal = maxRefusal('sendMessage', new MaxError(status, { code, message: 'from MAX' }));
    expect(refusal).toBeInstanceOf(PlatformError);
    expect([(refusal as PlatformError).status, (refusal as PlatformError).message, failsEveryTime(refusal)]).toEqual([
      becomes,
      `max sendMessage refused: ${becomes} ${code}`,
      forGood,
    ]);
  });

  it('leaves what is not a refusal (the network, a timeout) as it is', () => {
    const cut = new TypeError('fetch failed');
    expect(maxRefusal('sendMessage', cut)).toBe(cut);
  });
});
