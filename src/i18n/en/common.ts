/**
 * English UI strings for the app shell. English is the source of truth for every key: each Thai
 * file is typed from its English twin, so a missing or misspelt key is a compile error.
 * Goal checks and tests of behaviour never look at these strings.
 */
export const common = {
  'app.name': 'Kafé',
  'app.tagline': 'Learn Kafka and event-driven architecture by playing',
  'nav.label': 'Views',
  'nav.workbench': 'Workbench',
  'nav.compare': 'Compare sync vs events',
  'sheet.label': 'Panels',
  'sheet.palette': 'Add',
  'sheet.lesson': 'Lesson',
  'sheet.inspector': 'Inspector',
  'sheet.metrics': 'Metrics',
  'lessons.toggle': 'Lessons',
  'lessons.toggle.hide': 'Hide lessons',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.th': 'ไทย',
  'main.placeholder.title': 'The canvas is coming',
  'main.placeholder.body':
    'Soon you will build event flows here: producers, topics, partitions and consumer groups, all simulated in your browser.',
  'error.title': 'Something went wrong in this panel',
  'error.body': 'The rest of Kafé still works. Try again, or reload the page if the problem stays.',
  'error.retry': 'Try again',
  'fatal.title': 'Kafé stopped because of an error',
  'fatal.body': 'Your saved canvas is still in this browser. Reload to try again. If this comes back on every load, start with a fresh canvas: your save is then kept aside, not deleted.',
  'fatal.reload': 'Reload',
  'fatal.fresh': 'Start with a fresh canvas',
  'footer.note': 'Everything runs in your browser. No server, no sign-up.',
} as const;

