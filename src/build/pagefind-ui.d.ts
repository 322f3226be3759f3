/** The Pagefind UI package ships no types; lazy-pagefind-ui.ts needs only its constructor. */
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
