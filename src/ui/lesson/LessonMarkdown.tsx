import { useEffect, useState, type ReactNode } from 'react';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { loadMermaid } from '../common/mermaid';

/** In-app links a lesson may use, e.g. `[Open the comparison](kafe:compare)`. */
export type AppLink = 'compare';
const APP_LINK = /^kafe:(compare)$/;

interface Props {
  text: string;
  onAppLink?: (link: AppLink) => void;
}

/**
 * Lesson prose. Markdown (with GitHub's tables and strikethrough) is rendered by react-markdown without raw HTML (lesson text can never
 * inject markup): raw HTML is skipped, not shown as text, so an author's `<!-- source: … -->`
 * comment (where a lesson cites what it checked) stays out of the lesson; ```mermaid fences become diagrams; `kafe:` links become in-app buttons; other
 * links open in a new tab.
 */
export function LessonMarkdown({ text, onAppLink }: Props) {
  const components: Components = {
    code({ className, children }) {
      const source = String(children).replace(/\n$/, '');
      if (className === 'language-mermaid') return <MermaidDiagram source={source} />;
      return <code className={className}>{children}</code>;
    },
    pre({ children }) {
      return <div className="lesson-md__pre">{children}</div>;
    },
    a({ href, children }) {
      const app = href ? APP_LINK.exec(href) : null;
      if (app)
        return (
          <button type="button" className="button button--small lesson-md__app-link" onClick={() => onAppLink?.(app[1] as AppLink)}>
            {children}
          </button>
        );
      return (
        <a href={href} target="_blank" rel="noreferrer noopener">
          {children}
        </a>
      );
    },
  };
  return (
    <div className="lesson-md">
      <Markdown remarkPlugins={[remarkGfm]} components={components} skipHtml urlTransform={(url) => (APP_LINK.test(url) ? url : defaultUrlTransform(url))}>
        {text}
      </Markdown>
    </div>
  );
}

let diagramCount = 0;

/** A diagram drawn by mermaid (loaded on first use); the source text stays readable if it fails. */
function MermaidDiagram({ source }: { source: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadMermaid()
      .then((mermaid) => mermaid.render(`lesson-diagram-${++diagramCount}`, source))
      .then(({ svg }) => live && setSvg(svg))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [source]);
  let content: ReactNode;
  if (svg) {
    // Mermaid's SVG from the lesson's own diagram text, rendered with securityLevel 'strict'.
    content = <div className="lesson-md__diagram-svg" dangerouslySetInnerHTML={{ __html: svg }} />;
  } else if (failed) {
    content = <pre className="lesson-md__diagram-source">{source}</pre>;
  } else {
    content = <div className="lesson-md__diagram-loading" aria-busy="true" />;
  }
  return (
    <figure className="lesson-md__diagram" data-testid="lesson-diagram" data-state={svg ? 'drawn' : failed ? 'failed' : 'loading'}>
      {content}
    </figure>
  );
}
