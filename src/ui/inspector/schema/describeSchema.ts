import type { RecordSchema, SchemaField } from '../../../schema/model';

/** One field as a learner reads it: `coupon: string = ""` (with its default) or `id: string`. */
export function describeField(f: SchemaField): string {
  if (!f.withDefault) return `${f.name}: ${f.type}`;
  const zero = f.type === 'string' ? '""' : f.type === 'boolean' ? 'false' : '0';
  return `${f.name}: ${f.type} = ${zero}`;
}

/** A whole record on one line: `Order { id: string, coupon: string = "" }`. */
export const describeSchema = (s: RecordSchema): string => `${s.name} { ${s.fields.map(describeField).join(', ')} }`;
