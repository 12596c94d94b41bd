/** avsc's types-only browser entry (etc/browser/avsc-types.js) exports a subset of avsc's API:
 * Type (forSchema, createResolver, …), parse, types. Typed here with avsc's own declarations. */
declare module 'avsc/etc/browser/avsc-types.js' {
  export { Type, Schema } from 'avsc';
}
