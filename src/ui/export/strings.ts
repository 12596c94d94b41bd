import type { StringArea } from '../../i18n';
import { exportCode as en } from '../../i18n/en/export';
import { exportCode as th } from '../../i18n/th/export';

/** The export panel's strings, registered when the generator's chunk loads. */
export const EXPORT_STRINGS: StringArea = { en, th };
