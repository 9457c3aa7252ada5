/** The rules for a Redaktion account, in one browser-safe place: the server checks them, the Verwaltung's form shows them. */

/** A new password has at least this many characters. */
export const PASSWORD_MIN_LENGTH = 10;
