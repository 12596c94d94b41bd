/**
 * English strings of the AsyncAPI menu in the toolbar, needed at first paint (core.ts). The import
 * panel's strings load with the parser's chunk (asyncapi.ts).
 */
export const asyncapiButton = {
  'asyncapi.menu': 'AsyncAPI',
  'asyncapi.menu.about': 'Export this canvas as an AsyncAPI 3.0 document, or build a canvas from an AsyncAPI 2.x or 3.x document',
  'asyncapi.export': 'Export AsyncAPI (YAML)',
  'asyncapi.export.about': 'Topics as channels with their Kafka bindings, services as operations, event types as messages',
  'asyncapi.import': 'Import AsyncAPI…',
  'asyncapi.import.about': 'A YAML or JSON document, AsyncAPI 2.x (such as the Confluent CLI’s export) or 3.x',
  'asyncapi.importFile': 'AsyncAPI document to import (YAML or JSON)',
  'asyncapi.working': 'Reading the document…',
  'asyncapi.exported': 'AsyncAPI document downloaded.',
  'asyncapi.failed': 'The AsyncAPI tools could not load. Check the connection and try again.',
} as const;
