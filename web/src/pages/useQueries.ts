import type { UseQueryResult } from "@tanstack/react-query";

/** The combined state of several queries: the first error, and a retry for all that failed. */
export function combined(queries: readonly UseQueryResult<unknown>[]) {
  const failed = queries.filter((q) => q.isError);
  return {
    isPending: queries.some((q) => q.isPending && !q.isError),
    error: failed[0]?.error ?? null,
    retry: () => {
      for (const q of failed) void q.refetch();
    },
  };
}
