import { describe, expect, it } from 'vitest';
import { eagerCommonJsPlugin } from '../../../scripts/eagerCommonJsPlugin';

type RenderChunk = (code: string) => { code: string } | null;
const renderChunk = eagerCommonJsPlugin().renderChunk as unknown as RenderChunk;

describe('eagerCommonJsPlugin', () => {
  it('turns the arrow wrappers of bundled CommonJS modules into function expressions in parentheses', () => {
    const chunk = [
      'var require_a = /* @__PURE__ */ __commonJSMin(((exports) => {',
      '\texports.a = () => 1;',
      '}));',
      'var require_b = /* @__PURE__ */ __commonJSMin(((exports, module, this$1) => {',
      '\tmodule.exports = this$1;',
      '}));',
    ].join('\n');
    const out = renderChunk(chunk)?.code;
    expect(out).toContain('__commonJSMin((function(exports) {\n\texports.a = () => 1;\n}));');
    expect(out).toContain('__commonJSMin((function(exports, module, this$1) {\n\tmodule.exports = this$1;\n}));');
    // The code still runs and does the same.
    const run = new Function('__commonJSMin', `${out}\nreturn [require_a().a(), require_b()];`) as (helper: unknown) => [number, unknown];
    const helper = (cb: (e: object, m: { exports: object }, self: unknown) => void) => {
      let mod: { exports: object } | undefined;
      return () => (mod ??= ((m) => (cb(m.exports, m, m.exports), m))({ exports: {} })).exports;
    };
    const [a, b] = run(helper);
    expect(a).toBe(1);
    expect(b).toEqual({});
  });

  it('leaves other arrow functions and chunks without CommonJS alone', () => {
    expect(renderChunk('export const f = (x) => { return x; };')).toBeNull();
    const chunk = 'const g = __commonJSMin;\nlist.map(((x) => { return x; }));';
    expect(renderChunk(chunk)).toBeNull();
  });
});
