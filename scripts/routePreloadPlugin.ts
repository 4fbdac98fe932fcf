import type { IndexHtmlTransformContext, Plugin } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type Chunk = NonNullable<IndexHtmlTransformContext['chunk']>;

const RESPOND_PAGE = /src\/features\/respond\/RespondPage\.tsx$/;

/**
 * Lets index.html fetch the participant's answer route (RespondPage and its static imports, about
 * 10 KiB gzip) beside the entry script, instead of one round trip after it has run: on slow 4G
 * that round trip is most of the time between the header and the first question
 * (docs/budgets.md). Director pages download these few KiB too; they run on laptops.
 * `modulepreload` only fetches and parses; nothing runs until the route is opened. Low priority:
 * nothing on any page waits for them to paint, and the entry script and style sheet go first.
 */
export function participantPreloadPlugin(): Plugin {
  return {
    name: 'ketenscan:participant-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle: Bundle | undefined = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
        const respond = chunks.find((c) => c.facadeModuleId !== null && RESPOND_PAGE.test(c.facadeModuleId.split('\\').join('/')));
        if (!respond) throw new Error('participantPreloadPlugin: no RespondPage chunk in the bundle (was it renamed?)');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || chunk.isEntry || files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(respond.fileName);
        const tags = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `./${file}` }, injectTo: 'head' as const }));
        return { html, tags };
      },
    },
  };
}
