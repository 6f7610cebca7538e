import type { ProfileIdentities } from '../client';
import { IDENTITY_FIELDS } from '../spec';

/**
 * The body with the tenant ids it carries replaced by the target's. A contract pins shapes, not a
 * tenant: the pact carries an example tenant's ids, and any provider answers 403 NO_AUTH to ids
 * not bound to it, so a replay must speak as the provider's own tenant. Fields the body does not
 * carry stay absent; a field the target has no id for keeps the pact's value.
 */
export function rewriteIdentities(body: Record<string, unknown>, identities: ProfileIdentities): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const field of IDENTITY_FIELDS) {
    const own = identities[field];
    if (field in out && own !== undefined) out[field] = own;
  }
  return out;
}
