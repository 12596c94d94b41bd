/**
 * English strings of the "Export as code" button, needed at first paint (core.ts), and of what its
 * panel shows if loading the generator fails. The panel's other strings are in export.ts.
 */
export const exportButton = {
  'export.button': 'Export as code',
  'export.button.about': 'Download this canvas as a Node.js project that runs the same flow on a real Kafka (kafkajs and Docker)',
  'export.working': 'Exporting…',
  'export.title': 'Exported as code',
  'export.failed': 'The export failed: {{error}}',
  'export.close': 'Close',
} as const;
