import type { StringArea } from '../../i18n';
import { asyncapiPanel as en } from '../../i18n/en/asyncapi';
import { asyncapiPanel as th } from '../../i18n/th/asyncapi';

/** The import panel's strings, registered when the AsyncAPI chunk loads. */
export const ASYNCAPI_STRINGS: StringArea = { en, th };
