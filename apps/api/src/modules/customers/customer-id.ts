declare const customerIdBrand: unique symbol;

/**
 * The id of a customer account (`customers.id`). Branded so that a user id (a plain string) can
 * not be passed where customer data is scoped: an IDOR becomes a type error (ADR 0020).
 */
export type CustomerId = string & { readonly [customerIdBrand]: true };

/**
 * For ids that name a customer account by construction: a staff route's path parameter, a row's
 * `customer_id` column. Never for a signed-in user's id.
 */
export function asCustomerId(id: string): CustomerId {
  return id as CustomerId;
}
