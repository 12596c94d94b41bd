import { inspectorDetails as en } from '../../i18n/en/inspectorDetails';
import { inspectorDetails as th } from '../../i18n/th/inspectorDetails';
import type { StringArea } from '../../i18n';

/** The inspector's node-details strings, registered when the details chunk loads (NodeDetails). */
export const INSPECTOR_STRINGS: StringArea = { en, th };
