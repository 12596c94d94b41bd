import { parsePageLink, type PageLink } from '../../links';

/**
 * What the address asked for when the page loaded (#lesson=…, #embed=1, #lang=…). Read once, at
 * module evaluation, before anything else reads storage or the address bar is tidied up: the
 * storage choice below depends on it, and it never changes for the life of the page.
 */
export const PAGE_LINK: PageLink = parsePageLink(typeof window === 'undefined' ? '' : window.location.hash);

/** Embedded in another site's page: no autosave, no reads or writes of the visitor's storage. */
export const EMBEDDED: boolean = PAGE_LINK.embed;
