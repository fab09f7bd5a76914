import { channelFileSources } from '../../bots/integrations/channel-files/channel-file-sources';
import { createLog } from '../../core/kernel/log';
import { initORM } from '../../db/orm';
import { SqlFileStore } from '../../db/repositories/sql-file-store';
import { customerFiles } from '../support/customer-files';

describe("where the bot reads a web chat customer's file from", () => {
  it("reads its own relay's uploads from the file store (behind a public address too), Direct Line's over HTTPS, and nothing from anywhere else", async () => {
    const orm = await initORM({ kind: 'sqlite', path: ':memory:' });
    try {
      const store = new SqlFileStore(orm);
      const token = await store.put({ name: 'scan.pdf', mime: 'application/pdf', bytes: customerFiles['scan.pdf'] });
      const fetched: string[] = [];
      const sources = channelFileSources({
        ownFiles: { origins: () => ['https://chat.energosbyt.test'], store },
        directLineOrigin: 'https://directline.botframework.com',
        log: createLog('error', () => undefined),
        fetch: (async (url: string) => {
          fetched.push(url);
          return new Response(new Uint8Array(customerFiles['meter.jpg']));
        }) as typeof fetch,
      });
      const read = (ref: string, max = 10 * 1024 * 1024) => sources.fetch('webchat', { ref }, max);

      expect(await read(`https://chat.energosbyt.test/files/${token}`)).toEqual(customerFiles['scan.pdf']);
      expect(await read(`https://chat.energosbyt.test/files/${token}`, 10)).toBe('too-large');
      expect(await read('https://chat.energosbyt.test/files/unknown-token')).toBe('unavailable');
      expect(await read('https://chat.energosbyt.test/desk/files/x')).toBe('unavailable');
      expect(await read('https://directline.botframework.com/attachments/abc')).toEqual(customerFiles['meter.jpg']);
      expect(await read('https://directline.botframework.com/attachments/abc', 100)).toBe('too-large');
      for (const elsewhere of [
        'http://169.254.169.254/latest/meta-data',
        'http://directline.botframework.com/x',
        'file:///etc/passwd',
        'https://evil.test/files/x',
        'not a url',
      ]) {
        expect(await read(elsewhere)).toBe('unavailable');
      }
      expect(fetched).toEqual(['https://directline.botframework.com/attachments/abc', 'https://directline.botframework.com/attachments/abc']);
    } finally {
      await orm.close();
    }
  });
});
