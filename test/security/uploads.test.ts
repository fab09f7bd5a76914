import { randomBytes } from 'node:crypto';
import { StoredFile } from '../../db/entities';
import { customerFiles } from '../support/customer-files';
import { startTestApp, type TestApp } from '../support/test-app';

const megabyte = 1024 * 1024;

describe("the web chat relay's uploads", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => app.close());

  /** A web chat's conversation, from a browser at `address`. */
  async function conversation(user: string, address: string) {
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
    const { token, domain } = (await (await fetch(`${app.url}/api/webchat/token`, { method: 'POST', headers, body: JSON.stringify({ user }) })).json()) as {
      token: string;
      domain: string;
    };
    const { conversationId } = (await (
      await fetch(`${domain}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } })
    ).json()) as { conversationId: string };
    return async (files: readonly { readonly name: string; readonly bytes: Buffer; readonly type: string }[]) => {
      const form = new FormData();
      form.append('activity', new Blob([JSON.stringify({ type: 'message' })], { type: 'application/vnd.microsoft.activity' }));
      for (const file of files) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      const response = await fetch(`${domain}/conversations/${conversationId}/upload?userId=${user}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
        body: form,
      });
      await response.arrayBuffer();
      return response.status;
    };
  }
  const keptBytes = async () => (await app.runtime.orm.em.fork().find(StoredFile, {})).reduce((sum, file) => sum + Buffer.from(file.content).length, 0);

  it('refuses files over the appeal rule unread, keeps a refused type as a few bytes only, and budgets each conversation and address', async () => {
    const upload = await conversation('uploads-browser-0001-secret', '203.0.113.40');
    const before = await keptBytes();
    const huge = Array.from({ length: 6 }, (_, index) => ({ name: `${index}.jpg`, bytes: randomBytes(19 * megabyte), type: 'image/jpeg' }));
    const tooLarge = [];
    for (let round = 0; round < 4; round += 1) tooLarge.push(await upload(huge));
    const afterHuge = (await keptBytes()) - before;

    // Random bytes labelled a picture, and a program renamed: judged by their bytes, kept as 64 bytes each.
    const disguised = await upload([
      { name: 'photo.jpg', bytes: randomBytes(9 * megabyte), type: 'image/jpeg' },
      { name: 'invoice.pdf.exe', bytes: Buffer.concat([Buffer.from('MZ'), randomBytes(2 * megabyte)]), type: 'application/pdf' },
    ]);
    const afterDisguised = (await keptBytes()) - before;

    // Real pictures: the conversation's budget (60 MB a day) runs out, then the address's serves another conversation.
    const photo = { name: 'meter.jpg', bytes: Buffer.concat([customerFiles['meter.jpg'], randomBytes(9 * megabyte)]), type: 'image/jpeg' };
    const real = [];
    for (let round = 0; round < 7; round += 1) real.push(await upload([photo]));
    const another = await (await conversation('uploads-browser-0002-secret', '203.0.113.40'))([photo]);
    process.stdout.write(
      `uploads: 4 × 6 files of 19 MB → ${JSON.stringify(tooLarge)}, kept ${afterHuge} bytes; a disguised picture and program → ${disguised}, kept ${afterDisguised} bytes; 9 MB pictures → ${JSON.stringify(real)}, another chat ${another}\n`,
    );
    expect(tooLarge).toEqual([413, 413, 413, 413]);
    expect(afterHuge).toBe(0);
    expect(disguised).toBe(200);
    expect(afterDisguised).toBe(128);
    expect(real).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(another).toBe(200);
  }, 60_000);

  // Last: it breaks the app's file store.
  it('answers 503 when the file store cannot keep an upload, and passes no message to the bot', async () => {
    const upload = await conversation('uploads-browser-0003-secret', '203.0.113.41');
    await app.runtime.orm.em.fork().getConnection().execute('drop table stored_file');
    const before = app.logs.length;
    const status = await upload([{ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], type: 'image/jpeg' }]);
    expect(status).toBe(503);
    expect(app.logs.slice(before).filter((line) => line.includes('"message":"flow failed"'))).toEqual([]);
  });
});
