import { defineEntity, p } from '@mikro-orm/core';

export const Account = defineEntity({
  name: 'Account',
  properties: {
    number: p.string().length(12).primary(),
    /** The payer, as the receipt names them. */
    payerName: p.string().nullable(),
    address: p.text(),
    phone: p.string().nullable(),
    email: p.string().nullable(),
    region: p.string(),
    residents: p.integer(),
    seasonalityFactor: p.decimal('number').precision(4).scale(2),
    socialNormKwh: p.integer().nullable(),
    /** Kopecks; positive is money in hand, negative is owed. */
    balanceKopecks: p.integer(),
    earlierDebtKopecks: p.integer(),
    /** The owner's setting «Безавторизационная передача показаний». */
    readingsWithoutLinkAllowed: p.boolean().default(true),
    /** The owner's change of it and when it takes effect (`{ allowed, from }`), until then. */
    readingsWithoutLinkChange: p.json<{ allowed: boolean; from: string }>().nullable(),
    /** The owner's setting «Управление счётом». */
    managementByOthersAllowed: p.boolean().default(true),
    demo: p.boolean().default(false),
  },
});
