import type { z } from 'zod';

/** fetch: not downloaded · json: not JSON · format: a damaged or unknown binary file · schema: invalid data. */
export type LoadErrorKind = 'fetch' | 'json' | 'format' | 'schema';

/** One problem of a dataset, as the error panel lists it: `enterprises.3.financingNeed` and zod's text. */
export interface LoadIssue {
  path: string;
  message: string;
}

/** What went wrong loading a dataset, with the failing paths for the error panel. */
export class DatasetLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly issues: readonly LoadIssue[] = [],
  ) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

/** The error panel lists this many issues; the message counts them all. */
export const MAX_ISSUES = 20;

/**
 * The dotted path of a zod issue, `(root)` for the document itself.
 * @example pathOf({ path: ['enterprises', 12, 'financingNeed'] }) // 'enterprises.12.financingNeed'
 */
export const pathOf = (issue: Pick<z.core.$ZodIssue, 'path'>): string =>
  issue.path.map(String).join('.') || '(root)';

/**
 * The schema error of a dataset with `issues` (in the order zod reports them): the first
 * MAX_ISSUES are listed, all are counted.
 * @example toSchemaError([{ path: ['meta'], message: 'Invalid input' }]).issues // [{ path: 'meta', message: 'Invalid input' }]
 */
export function toSchemaError(
  issues: readonly Pick<z.core.$ZodIssue, 'path' | 'message'>[],
): DatasetLoadError {
  return new DatasetLoadError(
    'schema',
    `dataset does not match the schema (${issues.length} issues)`,
    issues.slice(0, MAX_ISSUES).map((i) => ({ path: pathOf(i), message: i.message })),
  );
}
