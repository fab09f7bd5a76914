/**
 * Shows enough of an address for its owner to recognise it, while a stranger who guessed an
 * account number learns neither the house nor the flat: every number keeps its first digit only.
 */
export function maskAddress(address: string): string {
  return address.replace(/\d+/g, (digits) => digits[0] + '*'.repeat(digits.length - 1));
}

export function maskEmail(email: string): string {
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
}
