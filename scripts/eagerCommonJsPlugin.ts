import type { Plugin } from 'vite';

/**
 * Lets V8 compile the bundled CommonJS packages (react-dom, react, scheduler, Dexie) while the
 * script downloads instead of on the main thread when the page starts (docs/budgets.md, "The
 * heading on screen, the entry and the blocking time"). Rolldown wraps each CommonJS module in an
 * arrow function; V8 compiles a function lazily, on the main thread, the first time it runs,
 * except a `function` expression in parentheses, which it compiles eagerly, in the background
 * while the script streams in (the same heuristic Webpack's module wrappers and optimize-js rely
 * on). Only the wrapper itself changes: the functions inside stay lazy. Measured on the results
 * page, unthrottled: the entry chunk's evaluation took about a fifth less.
 *
 * Safe for these wrappers: Rolldown has already replaced `this` in a CommonJS module by the
 * wrapper's third parameter, and a module body that reads `arguments` gets the wrapper's own
 * arguments instead of a ReferenceError.
 */
const COMMONJS_WRAPPER = /__commonJSMin\(\(\(([\w$]+(?:, [\w$]+)*)\) => \{/g;

export function eagerCommonJsPlugin(): Plugin {
  return {
    name: 'ketenscan:eager-commonjs',
    apply: 'build',
    renderChunk(code) {
      if (!code.includes('__commonJSMin((')) return null;
      const rewritten = code.replace(COMMONJS_WRAPPER, '__commonJSMin((function($1) {');
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
