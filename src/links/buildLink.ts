import type { StepRange } from './pageLink';

/**
 * Addresses and embed snippets a teacher copies from the UI. `appUrl` is the app's address
 * without a fragment (e.g. "https://kafe.example/"); everything Kafé needs goes after "#", so a
 * static host serves every link from the same index.html and nothing reaches a server log.
 */

export interface LessonLinkOptions {
  lessonId: string;
  /** Step number from 1. */
  step: number;
  lang?: string;
  embed?: boolean;
  steps?: StepRange | null;
}

export function lessonLink(appUrl: string, o: LessonLinkOptions): string {
  const parts = [`lesson=${encodeURIComponent(o.lessonId)}`, `step=${o.step}`];
  if (o.lang) parts.push(`lang=${o.lang}`);
  if (o.embed) parts.push('embed=1');
  if (o.steps) parts.push(`steps=${o.steps.from === o.steps.to ? o.steps.from : `${o.steps.from}-${o.steps.to}`}`);
  return `${appUrl}#${parts.join('&')}`;
}

/** `shareFragment` is the store's "c=…&s=…" (no "#"). */
export function scenarioLink(appUrl: string, shareFragment: string, o: { lang?: string; embed?: boolean } = {}): string {
  const parts = [shareFragment];
  if (o.lang) parts.push(`lang=${o.lang}`);
  if (o.embed) parts.push('embed=1');
  return `${appUrl}#${parts.join('&')}`;
}

/** The address of the full app for what an embed shows: the same link without embed or locked steps. */
export function fullAppLink(embedUrl: string): string {
  const hash = embedUrl.indexOf('#');
  if (hash < 0) return embedUrl;
  const kept = embedUrl
    .slice(hash + 1)
    .split('&')
    .filter((part) => !/^(embed|steps)(=|$)/.test(part));
  return kept.length ? `${embedUrl.slice(0, hash)}#${kept.join('&')}` : embedUrl.slice(0, hash);
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The HTML a blog, wiki or course page pastes to embed Kafé. `title` names the frame for screen
 * readers. The height fits the canvas above the lesson on a phone and beside it on a desktop.
 */
export function embedSnippet(embedUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(title)}" width="100%" height="640" style="border:0;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>`;
}

/** The app's own address without fragment or query, from a location. */
export function appUrlOf(location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}`;
}
