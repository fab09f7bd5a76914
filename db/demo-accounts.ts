import type { Zone } from '../core/features/readings/meter';

/**
 * The demo accounts a newcomer can link at once. Each pays `linkingPaymentKopecks` on the 8th
 * of the month before seeding, so that amount always proves ownership (README lists them).
 */
export interface DemoAccount {
  readonly number: string;
  /** The payer, as the receipt names them. */
  readonly payerName: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly region: string;
  readonly residents: number;
  readonly seasonalityFactor: number;
  readonly socialNormKwh: number | null;
  readonly meter: {
    readonly serialNumber: string;
    readonly zones: Zone[];
    readonly digits: number;
    /** The register's value per zone before January 2015. */
    readonly startValues: number[];
  };
  /** Average monthly consumption, kWh. */
  readonly usualKwh: number;
  /** How many of the latest bills were left unpaid (0: the account has no debt). */
  readonly unpaidMonths: number;
  readonly linkingPaymentKopecks: number;
  /** The month the e-receipt began (`YYYY-MM`); null: paper receipts only. */
  readonly eReceiptSince: string | null;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    number: '100000000001',
    payerName: 'Иванова Мария Петровна',
    address: 'г. Воронеж, ул. Кольцовская, д. 24, кв. 17',
    phone: '+7 900 000-00-01',
    email: 'demo1@example.ru',
    region: 'Воронежская область',
    residents: 2,
    seasonalityFactor: 1,
    socialNormKwh: null,
    meter: { serialNumber: 'CE102-0100001', zones: ['single'], digits: 6, startValues: [4_200] },
    usualKwh: 210,
    unpaidMonths: 0,
    linkingPaymentKopecks: 154_320,
    eReceiptSince: '2020-05',
  },
  {
    number: '100000000002',
    payerName: 'Кузнецов Андрей Викторович',
    address: 'г. Нижний Новгород, ул. Большая Покровская, д. 15, кв. 7',
    phone: '+7 900 000-00-02',
    email: 'demo2@example.ru',
    region: 'Нижегородская область',
    residents: 3,
    seasonalityFactor: 1.15,
    socialNormKwh: 150,
    meter: { serialNumber: 'M201-0200002', zones: ['day', 'night'], digits: 6, startValues: [12_000, 5_000] },
    usualKwh: 320,
    unpaidMonths: 0,
    linkingPaymentKopecks: 218_745,
    eReceiptSince: null,
  },
  {
    number: '100000000003',
    payerName: 'Смирнов Олег Николаевич',
    address: 'г. Ростов-на-Дону, пр. Будённовский, д. 61, кв. 103',
    phone: '+7 900 000-00-03',
    email: 'demo3@example.ru',
    region: 'Ростовская область',
    residents: 4,
    seasonalityFactor: 1,
    socialNormKwh: null,
    meter: { serialNumber: 'CE303-0300003', zones: ['peak', 'semiPeak', 'night'], digits: 7, startValues: [100, 2_500, 800] },
    usualKwh: 380,
    unpaidMonths: 3,
    linkingPaymentKopecks: 50_000,
    eReceiptSince: '2023-01',
  },
];
