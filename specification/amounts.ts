/**
 * The sum of the `amount` members of a list of items (post_payments, post_discounts), in fen. Takes any
 * JSON: the mock and the checks read bodies not yet validated, so a missing list, an item that is no object
 * or an amount that is no number counts 0. RISK-CAP, the mock's readings and the generators all sum here.
 */
export function amountSum(items: unknown): number {
  if (!Array.isArray(items)) return 0;
  let sum = 0;
  for (const item of items as unknown[]) {
    const amount = item !== null && typeof item === 'object' ? (item as { amount?: unknown }).amount : undefined;
    if (typeof amount === 'number') sum += amount;
  }
  return sum;
}
