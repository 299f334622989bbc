// Where in a content file a problem is: the path of a field (`quotes[3].speaker`), as the loader, the
// checker and editors' messages name it.

export type FieldPath = readonly (string | number)[];

/** `quotes[3].speaker`. */
export function formatFieldPath(fieldPath: FieldPath): string {
  return fieldPath
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}
