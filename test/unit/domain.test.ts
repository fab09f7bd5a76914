import { billingPeriod } from '../../core/features/readings/meter';
import { checkReading, parseReadingValue } from '../../core/features/readings/reading-rules';
import { maskAccountNumber, parseAccountNumber } from '../../core/kernel/account-number';
import { maskAddress, maskEmail } from '../../core/kernel/address';
import { attemptStatus } from '../../core/features/linking/linking-policy';
import { formatMoney, kopecks, parsePaymentAmount } from '../../core/kernel/money';
import type { AccountNumber } from '../../core/kernel/account-number';
import { paymentQrPayload } from '../../core/features/receipts/payment-qr';
import { parseMonth } from '../../core/kernel/period';
import { buildReceipt, type ReceiptSources } from '../../core/features/receipts/receipt';
import { receiptAvailability } from '../../core/features/receipts/receipt-archive';
import { demoSupplier } from '../../db/demo-supplier';
import { attachmentKind, attachmentLimits, attachmentName } from '../../core/kernel/attachment';

describe('AccountNumber', () => {
  it.each([
    ['100000000001', '100000000001'],
    [' 1000 0000 0001 ', '100000000001'],
    ['1000-0000-0001', '100000000001'],
    ['1000\u00a00000\u00a00001', '100000000001'],
  ])('reads %p', (typed, number) => {
    expect(parseAccountNumber(typed)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['', 'account-number-empty'],
    ['10000000000a', 'account-number-not-digits'],
    ['1000000000', 'account-number-wrong-length'],
    ['1000000000011', 'account-number-wrong-length'],
  ])('refuses %p with %p', (typed, key) => {
    const parsed = parseAccountNumber(typed);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.key).toBe(key);
  });

  it('is masked for logs', () => {
    expect(maskAccountNumber('100000000001')).toBe('10******0001');
  });
});

describe('payment amounts', () => {
  it.each([
    ['1543.20', 154320],
    ['1 543,20', 154320],
    ['1543,2 ₽', 154320],
    ['1543 руб.', 154300],
    ['1543р', 154300],
    ['0,01', 1],
    ['1\u00a0543,20\u00a0₽', 154320],
  ])('reads %p as %p kopecks', (typed, kopecks) => {
    expect(parsePaymentAmount(typed)).toEqual({ ok: true, value: kopecks });
  });

  it.each([
    ['', 'amount-empty'],
    ['abc', 'amount-not-a-number'],
    ['1,543.20', 'amount-not-a-number'],
    ['-5', 'amount-not-positive'],
    ['0,00', 'amount-not-positive'],
    ['12.345', 'amount-too-precise'],
    ['10000001', 'amount-too-large'],
  ])('refuses %p with %p', (typed, key) => {
    const parsed = parsePaymentAmount(typed);
    expect(!parsed.ok && parsed.error.key).toBe(key);
  });

  it('is formatted in roubles with kopecks for each locale', () => {
    expect(formatMoney(154320, 'ru').replace(/\s/g, ' ')).toBe('1 543,20 ₽');
    expect(formatMoney(154320, 'en')).toBe('₽1,543.20');
  });
});

describe('masking', () => {
  it('keeps the first digit of each number in an address', () => {
    expect(maskAddress('г. Липецк, ул. Советская, д. 128, кв. 45')).toBe('г. Липецк, ул. Советская, д. 1**, кв. 4*');
  });
  it('keeps the first letter and the domain of an e-mail', () => {
    expect(maskEmail('ivanov@example.ru')).toBe('i***@example.ru');
  });
});

describe('link attempts', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

  it('counts only failures of the last 24 hours', () => {
    expect(attemptStatus([hoursAgo(25), hoursAgo(30), hoursAgo(1)], now)).toEqual({ remaining: 4, pausedUntil: null });
  });

  it('pauses after the fifth failure until the oldest of the five is a day old', () => {
    const failures = [hoursAgo(20), hoursAgo(10), hoursAgo(3), hoursAgo(2), hoursAgo(1)];
    expect(attemptStatus(failures, now)).toEqual({ remaining: 0, pausedUntil: new Date(hoursAgo(20).getTime() + 24 * 3600_000) });
  });
});

describe('meter readings', () => {
  it.each([
    ['34400', 34400],
    ['34 400', 34400],
    ['000120', 120],
  ])('reads %p as %p kWh', (typed, value) => {
    expect(parseReadingValue(typed, 6)).toEqual({ ok: true, value });
  });

  it.each([
    ['12 345,6', 'reading-not-whole'],
    ['12345.6', 'reading-not-whole'],
    ['-5', 'reading-not-whole'],
    ['', 'reading-not-whole'],
    ['1234567', 'reading-too-many-digits'],
  ])('refuses %p with %p', (typed, key) => {
    const parsed = parseReadingValue(typed, 6);
    expect(!parsed.ok && parsed.error.key).toBe(key);
  });

  it.each([
    [34400, 34316, 216, { kind: 'fine', consumptionKwh: 84 }],
    [34316, 34316, 216, { kind: 'fine', consumptionKwh: 0 }],
    [34000, 34316, 216, { kind: 'below', previous: 34316 }],
    [120, 999950, 216, { kind: 'rollover', consumptionKwh: 170 }],
    [35000, 34316, 216, { kind: 'jump', consumptionKwh: 684 }],
    [34600, 34316, 50, { kind: 'fine', consumptionKwh: 284 }],
  ])('checks %p after %p (usual %p kWh)', (value, previous, usual, check) => {
    expect(checkReading(value, previous, 6, usual)).toEqual(check);
  });

  it('takes any first reading of a new meter', () => {
    expect(checkReading(5, null, 6, 0)).toEqual({ kind: 'fine', consumptionKwh: 0 });
  });

  it('names the billing period in the supplier time zone', () => {
    expect(billingPeriod(new Date('2026-11-30T20:59:59Z'), 'Europe/Moscow')).toBe('2026-11');
    expect(billingPeriod(new Date('2026-11-30T21:00:00Z'), 'Europe/Moscow')).toBe('2026-12');
  });
});

describe('a month as people type it', () => {
  it.each([
    ['10.2026', '2026-10'],
    [' 3/2020 ', '2020-03'],
    ['2026-10', '2026-10'],
    ['октябрь 2026', '2026-10'],
    ['Октября 2026 г.', '2026-10'],
    ['мая 2020', '2020-05'],
    ['март 2021', '2021-03'],
    ['Oct 2026', '2026-10'],
    ['September 2025', '2025-09'],
    // A month alone is the latest such month not after the current one (November 2026).
    ['октябрь', '2026-10'],
    ['ноябрь', '2026-11'],
    ['декабрь', '2025-12'],
    ['Oct', '2026-10'],
  ])('reads %p', (typed, period) => {
    expect(parseMonth(typed, '2026-11')).toEqual({ ok: true, value: period });
  });

  it.each(['13.2026', '0.2026', 'вчера', '2026', 'смарт 2026'])('refuses %p with an example', (typed) => {
    expect(parseMonth(typed, '2026-11')).toEqual({ ok: false, error: { key: 'month-format', args: { example: '10.2026' } } });
  });
});

describe('a receipt', () => {
  const sources: ReceiptSources = {
    account: '100000000003' as AccountNumber,
    period: '2026-12',
    payer: { name: 'Смирнов Олег Николаевич', address: 'г. Ростов-на-Дону, пр. Будённовский, д. 61|кв. 103', residents: 4 },
    statement: { openingBalance: kopecks(-10_000), charged: kopecks(52_000), closingBalance: kopecks(-62_000) },
    paid: kopecks(0),
    readings: [{ serialNumber: 'M-1', zone: 'day', value: 40, consumptionKwh: 100 }],
    tariffs: [{ zone: 'day', kopecksPerKwh: 500 }],
    digits: new Map([['M-1', 4]]),
  };

  it('adds up: lines at their tariff, the rest of the charge a recalculation, owed by the 10th of the next month', () => {
    expect(buildReceipt(sources)).toMatchObject({
      lines: [{ previous: 9940, current: 40, consumptionKwh: 100, tariff: 500, amount: 50_000 }],
      recalculation: 2_000,
      totalToPay: 62_000,
      dueDate: '2027-01-10',
    });
  });

  it('puts no separator or line break inside a QR value', () => {
    const payload = paymentQrPayload({ ...demoSupplier, name: 'АО «Энерго|сбыт»\n' }, buildReceipt(sources), 'Оплата');
    expect(payload.startsWith('ST00012|Name=АО «Энерго сбыт»|PersonalAcc=')).toBe(true);
    expect(payload).toContain('|PayerAddress=г. Ростов-на-Дону, пр. Будённовский, д. 61 кв. 103|TechCode=02');
    expect(payload.split('|')).toHaveLength(15);
  });

  it('keeps the archive: every month to April 2020, then only electronic ones', () => {
    const terms = [{ email: 'a@b.ru', from: '2023-01', until: '2024-01' }];
    expect(['2019-12', '2020-05', '2023-06', '2024-01', '2026-11', '2014-12'].map((period) => receiptAvailability(period, '2026-10', terms))).toEqual([
      'available',
      'not-electronic',
      'available',
      'not-electronic',
      'not-billed-yet',
      'before-history',
    ]);
  });
});

describe("a customer's file for an appeal", () => {
  const head = (...bytes: number[]) => Buffer.concat([Buffer.from(bytes), Buffer.alloc(64)]);
  it.each([
    ['a JPEG', head(0xff, 0xd8, 0xff, 0xe1), 'image/jpeg'],
    ['a PNG', head(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 '), Buffer.alloc(32)]), 'image/webp'],
    ['a GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(32)]), 'image/gif'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
  ])('is told by its content: %s', (_name, bytes, mime) => {
    expect(attachmentKind(bytes)).toEqual({ ok: true, value: mime });
  });

  it.each([
    ['an HTML page named .png', Buffer.from('<html><script>alert(1)</script>')],
    ['a ZIP (a .docx)', Buffer.from('PK\x03\x04....')],
    ['a Windows program', Buffer.from('MZ\x90\x00')],
    ['an SVG (a picture that runs scripts)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('refuses %s', (_name, bytes) => {
    expect(attachmentKind(bytes)).toEqual({ ok: false, error: { key: 'attachment-wrong-type' } });
  });

  it('refuses an empty file and one over 10 MB', () => {
    expect(attachmentKind(Buffer.alloc(0))).toEqual({ ok: false, error: { key: 'attachment-empty' } });
    expect(attachmentKind(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(attachmentLimits.bytes)]))).toMatchObject({
      ok: false,
      error: { key: 'attachment-too-large' },
    });
  });

  it.each([
    ['C:\\Users\\Мария\\Desktop\\счёт.pdf', 'счёт.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['bad"name\u202e.pdf', 'badname.pdf'],
    ['.hidden', 'file.pdf'],
    ['', 'file.pdf'],
    [undefined, 'file.pdf'],
  ])('names %s as %s', (given, shown) => {
    expect(attachmentName(given, 'application/pdf')).toBe(shown);
  });

  it('names a nameless photo by its kind', () => {
    expect(attachmentName(undefined, 'image/jpeg')).toBe('file.jpg');
  });

  it.each([
    ['scan.docx', 'image/png', 'scan.png'],
    ['Фото счётчика', 'image/jpeg', 'Фото счётчика.jpg'],
    ['IMG_0001.JPEG', 'image/jpeg', 'IMG_0001.JPEG'],
    ['счёт.pdf.exe', 'application/pdf', 'счёт.pdf.pdf'],
  ] as const)('names %s that is a %s by its content: %s', (given, mime, shown) => {
    expect(attachmentName(given, mime)).toBe(shown);
  });
});
