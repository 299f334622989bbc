// The field names a content schema allows at a path, so an unknown field can be answered with the one the
// editor probably meant (`translated` -> `translation`).
import { z } from 'zod';
import type { FieldPath } from './field-path.js';

/** Optional, defaulted and nullable fields, as the object or list they wrap. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The fields of the object `schema` describes at `path` (list indexes included); none if it is not an object. */
export function fieldNamesAt(schema: z.ZodType, path: FieldPath): string[] {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = node && unwrapped(node);
    if (node instanceof z.ZodArray && typeof segment === 'number') node = node.element as z.ZodType;
    else if (node instanceof z.ZodObject && typeof segment === 'string') node = node.shape[segment] as z.ZodType | undefined;
    else return [];
  }
  node = node && unwrapped(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}
