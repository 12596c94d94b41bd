/**
 * @asyncapi/parser's browser build: a webpack UMD bundle whose export is the Parser class (the
 * same class as the Node build's named export, built for browsers without Node's fs/http).
 */
declare module '@asyncapi/parser/browser/index.js' {
  import type { Parser } from '@asyncapi/parser';
  const AsyncAPIParser: typeof Parser;
  export default AsyncAPIParser;
}
