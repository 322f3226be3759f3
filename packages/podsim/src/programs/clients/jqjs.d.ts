/** Types for @michaelhomer/jqjs (the package ships plain JavaScript). */
declare module '@michaelhomer/jqjs' {
  export type JQValue = null | boolean | number | string | JQValue[] | { [key: string]: JQValue };
  export function compile(program: string): (input: JQValue) => Generator<JQValue, void, unknown>;
  const jq: { compile: typeof compile };
  export default jq;
}
