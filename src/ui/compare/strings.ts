import { compare as en } from '../../i18n/en/compare';
import { compare as th } from '../../i18n/th/compare';
import type { StringArea } from '../../i18n';

/** The comparison view's strings, registered when its chunk loads. */
export const COMPARE_STRINGS: StringArea = { en, th };
