import { parseExchangeFile, type ParseOptions, type ParseResult } from '../../domain/exchange';

// The check of an import file (bytes → text → JSON → structure → consistency) off the page's
// thread (docs/scale.md "Import"): a 100,000-response file takes seconds to check, and the page
// keeps answering meanwhile. Loaded only when a file is checked (readSources.ts); the app's CSP
// allows it (`worker-src 'self'`: a same-origin script). Its answer is plain data.

export interface ParseRequest {
  content: ArrayBuffer | string;
  options: ParseOptions;
}

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { content, options } = event.data;
  const result: ParseResult = parseExchangeFile(content, options);
  self.postMessage(result);
};
