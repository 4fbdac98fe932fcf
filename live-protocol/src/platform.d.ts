// The platform globals the protocol uses, which browsers and Node 20 both provide. Declared here,
// and only for this package's own check (tsconfig.json), so that nothing else of the DOM or of
// Node can be used by mistake: the package must run unchanged on both sides.

declare function btoa(data: string): string;
declare function atob(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

// eslint-disable-next-line no-var -- a global the platform provides is declared with var, as TypeScript's own lib files do
declare var crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
};
