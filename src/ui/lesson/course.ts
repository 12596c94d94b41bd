import { loadCourse, type Course } from '../../lessons';

/**
 * The course as bundled with the app: every lesson file under /lessons, read at build time. This
 * module is only imported by the lazily loaded lesson panel, so lessons never weigh on first paint.
 */
const files = import.meta.glob<string>('/lessons/**/*.md', { query: '?raw', import: 'default', eager: true });

let course: Course | null = null;
export function bundledCourse(): Course {
  course ??= loadCourse(Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^\//, ''), text])));
  return course;
}
