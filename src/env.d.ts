declare namespace App {
  interface Locals {
    /** Set by an embed page: the one figure the page renders; every other figure renders nothing. */
    embedFigure?: string;
  }
}

declare module '@citation-js/core' {
  /** citation-js's entry point: CSL-JSON in, formatted citations out. */
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string | unknown;
  }
}
declare module '@citation-js/plugin-bibtex';
