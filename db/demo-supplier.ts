import type { SupplierContacts } from '../core/features/contacts/ports';
import type { SupplierDetails } from '../core/features/receipts/receipt';

/** The demo supplier on every receipt unless the configuration names the real one. */
export const demoSupplier: SupplierDetails = {
  name: 'АО «Энергосбыт» (демо)',
  inn: '7700000000',
  kpp: '770001001',
  bankAccount: '40702810900000000001',
  bankName: 'ПАО «Демобанк»',
  bic: '044525000',
  correspondentAccount: '30101810400000000225',
  address: 'г. Москва, ул. Примерная, д. 1',
  phone: '8 800 000-00-00',
};

/** The demo supplier's services and hours, shown by «Контакты» unless the configuration names the real ones. */
export const demoContacts: Pick<SupplierContacts, 'officeHours' | 'dispatchPhone' | 'emergencyPhone'> = {
  officeHours: 'пн–чт 8:00–17:00, пт 8:00–15:45',
  dispatchPhone: '8 800 000-00-01',
  emergencyPhone: '8 800 000-00-02',
};
