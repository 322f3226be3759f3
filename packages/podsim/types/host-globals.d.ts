/**
 * The few globals the simulator's core may use: the ones a web worker and Node (>= 20) both have.
 * The core's tsconfig has no DOM and no Node types, so anything else is a compile error there.
 */
/* eslint-disable no-var -- a host's global is declared with var: let/const would not make it a property of globalThis */
interface Console {
  error(...data: unknown[]): void;
}
declare var console: Console;

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { new (): TextEncoder };

interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: { new (): TextDecoder };

declare function atob(data: string): string;
declare function btoa(data: string): string;
declare function structuredClone<T>(value: T): T;

interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
}
declare var URLSearchParams: { new (init?: string): URLSearchParams };

interface URL {
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly port: string;
  readonly protocol: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}
declare var URL: { new (url: string, base?: string): URL };
