import { defineEntity, p } from '@mikro-orm/core';

/** A secret this installation made for itself (signing e-mail links), shared by every instance and kept across restarts. */
export const InstallationSecret = defineEntity({
  name: 'InstallationSecret',
  properties: {
    name: p.string().primary(),
    value: p.string(),
  },
});
