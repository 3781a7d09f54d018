/** The query key of the signed-in user, apart from its fetcher so sign-in can fill it without zod. */
export const meQueryKey = ['me'] as const;
