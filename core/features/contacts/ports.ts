/** How to reach the supplier, as the configuration gives it: what the Minstroy order has a supplier publish in MAX. */
export interface SupplierContacts {
  readonly supplier: string;
  readonly office: string;
  readonly officeHours: string;
  readonly phone: string;
  /** The dispatch service: supply questions, interruptions. */
  readonly dispatchPhone: string;
  /** The emergency service, round the clock: sparks, wires down, a fire. */
  readonly emergencyPhone: string;
  readonly email: string | null;
  readonly site: string | null;
}

// The supplier's numbers this feature's flows are given (see `Policy`).
declare module '../../kernel/services' {
  interface Policy {
    readonly contacts: SupplierContacts;
  }
}
