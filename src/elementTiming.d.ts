// Element Timing (https://wicg.github.io/element-timing/): React passes the attribute through,
// but its types do not know it yet. src/ui/whenShown.ts reads the entries.
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration must repeat React's type parameter
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
