import { filesOfMailedAnswer, takesAnswers } from '../../core/features/appeals/answer-appeal';
import type { FiledAppeal } from '../../core/features/appeals/appeal';
import { letterAddress } from '../../core/features/e-receipt/letter-address';
import type { EReceiptTerm } from '../../core/features/receipts/receipt-archive';
import type { AccountNumber } from '../../core/kernel/account-number';
import { customerFiles, type CustomerFileName } from '../support/customer-files';

const account = '100000000001' as AccountNumber;
const terms: EReceiptTerm[] = [
  { email: 'old@example.ru', from: '2020-05', until: '2026-09' },
  { email: 'new@example.ru', from: '2026-09', until: null },
];
const given = (...stretches: EReceiptTerm[]) => ({ terms: async () => stretches });

describe.each([
  ['a letter of its own goes where it was queued for', { to: 'someone@example.ru' }, terms, 'someone@example.ru'],
  [
    'an e-receipt goes to the address in force for its month now',
    { to: 'old@example.ru', toEReceiptAddress: true as const, receipt: { account, period: '2026-10' } },
    terms,
    'new@example.ru',
  ],
  [
    'an e-receipt of a month an earlier address covered goes there',
    { to: 'x@example.ru', toEReceiptAddress: true as const, receipt: { account, period: '2026-08' } },
    terms,
    'old@example.ru',
  ],
  [
    'an e-receipt given up since it was queued goes nowhere',
    { to: 'new@example.ru', toEReceiptAddress: true as const, receipt: { account, period: '2026-11' } },
    [{ email: 'new@example.ru', from: '2026-09', until: '2026-11' }],
    null,
  ],
])('letterAddress: %s', (_case, mail, stretches, expected) => {
  it(`is ${String(expected)}`, async () => {
    expect(await letterAddress(mail, given(...stretches))).toBe(expected);
  });
});

const file = (name: CustomerFileName) => ({ name, bytes: customerFiles[name] });

describe.each([
  ['a photo and a PDF', ['meter.jpg', 'scan.pdf'], ['meter.jpg', 'scan.pdf'], 0],
  ['a Word file and a renamed program among them', ['scan.pdf', 'notes.docx', 'invoice.pdf.exe'], ['scan.pdf'], 2],
  ['an empty file and one over the size limit', ['empty.png', 'big.pdf', 'meter.jpg'], ['meter.jpg'], 2],
  ['seven photos: past the count of five', Array<CustomerFileName>(7).fill('meter.jpg'), Array<CustomerFileName>(5).fill('meter.jpg'), 2],
] as const)('the files of an answer by e-mail: %s', (_case, sent, kept, leftOut) => {
  it(`keeps ${kept.length} and leaves out ${leftOut}`, () => {
    const files = filesOfMailedAnswer(sent.map(file));
    expect({ kept: files.kept.map((kept) => kept.name), leftOut: files.leftOut }).toEqual({ kept, leftOut });
  });
});

describe.each([
  ['an appeal received', 'received', true],
  ['an answered one (the customer may write again)', 'answered', true],
  ['a closed one', 'closed', false],
  ['none by that number', null, false],
] as const)('takesAnswers: %s', (_case, status, expected) => {
  it(`is ${expected}`, async () => {
    const appeal = { status } as FiledAppeal;
    expect(await takesAnswers({ thread: async () => (status === null ? null : { appeal, messages: [] }) }, 'А-2026-000001')).toBe(expected);
  });
});
