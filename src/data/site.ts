/** The site's own bibliographic facts, for citation metadata and the BibTeX entries. */
export const SITE = {
  name: 'Subpixel',
  /**
   * The published address, for canonical links and citations. A build for another address
   * sets SITE_URL instead (astro.config.mjs).
   */
  url: 'https://subpixel.dev',
  /** The title a citation gives the whole site. */
  title: 'Subpixel: keypoint coordinate representation in human pose estimation, explained',
  author: 'The Subpixel authors',
  /** First published: year and month. */
  published: [2026, 11] as const,
} as const;
