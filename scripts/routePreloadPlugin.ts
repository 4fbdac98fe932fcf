import { createHash } from 'node:crypto';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { RESPOND_PATH, RESULTS_PATH } from '../src/app/routePaths.ts';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type Chunk = NonNullable<IndexHtmlTransformContext['chunk']>;

/** Pages whose chunk (and its static imports) index.html fetches beside the entry script. */
const ROUTES = [
  { path: RESPOND_PATH, page: /src\/features\/respond\/RespondPage\.tsx$/ },
  { path: RESULTS_PATH, page: /src\/features\/results\/ResultsPage\.tsx$/ },
];

/**
 * Lets index.html fetch the opened page's chunks beside the entry script, instead of one round
 * trip after it has run: on slow 4G that round trip is most of the time between the header and
 * the first question, or the results page's heading (docs/budgets.md). A tiny external script
 * (the CSP allows no inline one) looks at the address and adds `modulepreload` links for that
 * page only, so the results page no longer downloads the answer flow and the answer page nothing
 * of the director's. Style sheets get `preload as=style` (Vite's loader adds them as `crossorigin`
 * stylesheets, so the request modes match). `modulepreload` only fetches and parses; nothing runs until the route is
 * opened. Low priority: the entry script and the style sheet go first.
 */
export function routePreloadPlugin(): Plugin {
  let script: { fileName: string; source: string } | undefined;
  return {
    name: 'ketenscan:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle: Bundle | undefined = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
        const table = ROUTES.map(({ path, page }) => {
          const chunk = chunks.find((c) => c.facadeModuleId !== null && page.test(c.facadeModuleId.split('\\').join('/')));
          if (!chunk) throw new Error(`routePreloadPlugin: no chunk for ${page} in the bundle (was it renamed?)`);
          const files = new Set<string>();
          const visit = (fileName: string) => {
            const found = bundle[fileName];
            if (!found || found.type !== 'chunk' || found.isEntry || files.has(fileName)) return;
            files.add(fileName);
            // The page's style sheets too (src/ui/director.css): the page waits for them as well.
            for (const css of found.viteMetadata?.importedCss ?? []) files.add(css);
            for (const imported of found.imports) visit(imported);
          };
          visit(chunk.fileName);
          // Chunks index.html already loads (the entry's own imports) need no second link.
          return [path.source, [...files].filter((file) => !html.includes(`/${file}"`))] as const;
        });
        const source =
          `(function(){var p=location.hash.slice(1).split("?")[0]||"/",r=${JSON.stringify(table)};` +
          `for(var i=0;i<r.length;i++)if(new RegExp(r[i][0]).test(p)){r[i][1].forEach(function(f){` +
          `var l=document.createElement("link"),c=/\\.css$/.test(f);l.rel=c?"preload":"modulepreload";if(c)l.as="style";l.crossOrigin="";l.fetchPriority="low";l.href="./"+f;document.head.appendChild(l)});break}})();\n`;
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        script = { fileName: `assets/route-preload-${hash}.js`, source };
        return { html, tags: [{ tag: 'script', attrs: { async: true, src: `./${script.fileName}` }, injectTo: 'head' as const }] };
      },
    },
    generateBundle: {
      order: 'post',
      handler() {
        if (!script) throw new Error('routePreloadPlugin: index.html was not transformed before the bundle was written');
        this.emitFile({ type: 'asset', fileName: script.fileName, source: script.source });
      },
    },
  };
}
