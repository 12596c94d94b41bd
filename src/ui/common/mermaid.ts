/**
 * Mermaid is big: it loads the first time a diagram is drawn, never with the app. One shared,
 * strictly sandboxed instance for the comparison's sequence diagrams and the lessons' diagrams.
 */
let mermaidReady: Promise<typeof import('mermaid').default> | null = null;

export function loadMermaid() {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      themeVariables: {
        fontFamily: 'system-ui, "Noto Sans Thai", sans-serif',
        primaryColor: '#f1e4d3',
        primaryBorderColor: '#6f4e37',
        primaryTextColor: '#2b1d14',
        lineColor: '#5e4a3c',
        noteBkgColor: '#fff7e6',
        noteBorderColor: '#e0a458',
      },
      sequence: { useMaxWidth: false, mirrorActors: false, noteMargin: 6, messageMargin: 28 },
    });
    return mermaid;
  });
  return mermaidReady;
}
