import { accountRows } from './account-rows';
import { chargeRows } from './charge-rows';
import { meterRows } from './meter-rows';
import { paymentRows } from './payment-rows';
import { readingRows } from './reading-rows';
import type { RowKind } from './row-kind';
import { tariffRows } from './tariff-rows';

/** Every kind of billing file, accounts first: a file's references are in the tables before it is read. */
export const rowKinds: readonly RowKind[] = [accountRows, meterRows, tariffRows, chargeRows, paymentRows, readingRows];
