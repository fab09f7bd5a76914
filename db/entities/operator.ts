import { defineEntity, p } from '@mikro-orm/core';

/** A supplier's operator who answers appeals on the desk page. */
export const Operator = defineEntity({
  name: 'Operator',
  properties: {
    id: p.integer().primary().autoincrement(),
    login: p.string().unique(),
    /** `scrypt$N$r$p$salt$hash`; never the password itself. */
    passwordHash: p.string(),
    /** The password was handed out by `operator:add`: the desk asks for the operator's own first. */
    mustChangePassword: p.boolean().default(true),
    createdAt: p.datetime(),
  },
});

/** A signed-in desk: the cookie's random token, stored hashed, with its CSRF token. */
export const OperatorSession = defineEntity({
  name: 'OperatorSession',
  properties: {
    id: p.integer().primary().autoincrement(),
    tokenHash: p.string().length(64).unique(),
    operator: () => p.manyToOne(Operator),
    csrf: p.string(),
    expiresAt: p.datetime().index(),
  },
});

/** A failed desk sign-in (or a wrong current password): counted per address and per login by every instance. */
export const DeskSignInFailure = defineEntity({
  name: 'DeskSignInFailure',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** Lower-cased, as typed: an unknown login counts too. */
    login: p.string().index(),
    address: p.string().index(),
    at: p.datetime().index(),
  },
});
