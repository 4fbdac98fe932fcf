// Element Timing (https://wicg.github.io/element-timing/): React passes the attribute through,
// but its types do not know it yet. src/ui/whenShown.ts reads the entries.
import 'react';

declare module 'react' {
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
