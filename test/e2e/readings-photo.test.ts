import * as passwords from '../../bots/channels/desk/passwords';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { bothChannels } from '../support/both-channels';
import { customerFiles } from '../support/customer-files';
import { TelegramCustomer } from '../support/telegram-customer';

describe('a meter photo with the readings, end to end', () => {
  const both = bothChannels();

  /** An operator signed in to the desk: her session cookie. */
  async function operatorSession(): Promise<string> {
    await new SqlOperators(both.app.runtime.orm).setPassword('irina', await passwords.hashPassword('irina-own-password-2026'), false, new Date());
    const signedIn = await fetch(`${both.app.url}/desk/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'irina', password: 'irina-own-password-2026' }).toString(),
    });
    return signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  }

  it('Telegram: a photo sent where the reading is asked is read through getFile, kept with the submission and shown to an operator on the desk', async () => {
    const customer = new TelegramCustomer(both.api, 2701);
    await customer.says('/readings');
    await customer.says('100000000001');
    await customer.presses('Да');
    const asked = (await customer.presses('Принимаю и согласен'))[0]?.text ?? '';
    expect(asked).toContain('счётчик CE102-0100001');
    // The app's demo data is seeded at today's date: the value is the last accepted one and a usual month more.
    const value = String(Number(/Последнее принятое показание: (\d+)/.exec(asked)?.[1]) + 80);
    const photo = await customer.sendsFile({ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], asPhoto: true });
    expect(photo.map((message) => message.text)).toEqual([
      'Фото сохранено, оно будет приложено к показаниям. Введите показание счётчика CE102-0100001 цифрами, например 12345.',
    ]);
    const document = await customer.sendsFile({ name: 'scan.pdf', bytes: customerFiles['scan.pdf'], mime: 'application/pdf' });
    expect(document[0]?.text).toBe('Файл «scan.pdf» не сохранён: это не фотография. К показаниям прикладывается фото счётчика: JPEG, PNG, WebP или GIF.');
    expect((await customer.says(value))[0]?.text).toContain('Фото счётчика: 1');
    const sent = await customer.presses('Передать');
    expect(sent[0]?.text).toMatch(/^Показания приняты/);
    expect(sent.flatMap((message) => message.buttons)).toContain('Оплатить счёт по этому лицевому счёту');

    // Not to be seen without a session.
    expect((await fetch(`${both.app.url}/desk/readings`, { redirect: 'manual' })).status).toBe(303);
    const cookie = await operatorSession();
    const queue = await (await fetch(`${both.app.url}/desk`, { headers: { cookie } })).text();
    expect(queue).toContain('<a href="/desk/readings">Показания с фото</a>');
    const page = await (await fetch(`${both.app.url}/desk/readings?account=100000000001`, { headers: { cookie } })).text();
    expect(page).toContain('Показания с фото по счёту 100000000001');
    expect(page).toContain(`CE102-0100001, показание: ${value}`);
    const src = /<img src="(\/desk\/files\/[^"]+)" alt="Фото счётчика CE102-0100001"/.exec(page)?.[1];
    expect(src).toBeDefined();
    const image = await fetch(`${both.app.url}${src}`, { headers: { cookie } });
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer()).equals(customerFiles['meter.jpg'])).toBe(true);
    // Another account's view does not show it; a malformed one shows all.
    expect(await (await fetch(`${both.app.url}/desk/readings?account=100000000002`, { headers: { cookie } })).text()).toContain('Показаний с фото нет.');
    expect(await (await fetch(`${both.app.url}/desk/readings?account=<script>`, { headers: { cookie } })).text()).toContain(
      `CE102-0100001, показание: ${value}`,
    );
  });
});
