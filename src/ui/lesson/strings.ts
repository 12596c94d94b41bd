import { lessons as en } from '../../i18n/en/lessons';
import { lessons as th } from '../../i18n/th/lessons';
import type { StringArea } from '../../i18n';

/** The lesson player's strings, registered when the lesson chunk loads. */
export const LESSON_STRINGS: StringArea = { en, th };
