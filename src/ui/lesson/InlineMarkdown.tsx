import Markdown from 'react-markdown';

/** Inline lesson text (a predict question or choice): `code`, **bold** and *emphasis* only, no blocks. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Markdown allowedElements={['code', 'strong', 'em']} unwrapDisallowed>
      {text}
    </Markdown>
  );
}

/** The same text without its Markdown marks, for sentences built around it (a verdict). */
export const plainText = (text: string): string => text.replace(/[`*]/g, '');
