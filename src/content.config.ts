import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The papers a chapter may cover: keys of src/data/references.bib. */
export const PAPERS = [
  'zhang2020dark',
  'geng2021dekr',
  'nibali2018dsnt',
  'li2022simcc',
  'sun2019hrnet',
  'xiao2018simplebaseline',
  'huang2020udp',
  'gu2021removing',
  'dai2017deformable',
  'tompson2014joint',
  'toshev2014deeppose',
  'smilkov2019tfjs',
  'bazarevsky2020blazepose',
  'lugaresi2019mediapipe',
] as const;

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/chapters' }),
  schema: z.object({
    title: z.string().min(3),
    /** Position in the reading order, 1-based; unique across chapters. */
    order: z.number().int().positive(),
    /** One or two sentences for the index and the page description. */
    summary: z.string().min(20).max(300),
    /** Bibliography keys of the papers the chapter covers. */
    papers: z.array(z.enum(PAPERS)).default([]),
  }),
});

/** Every numbered figure: where it lives, its number and width, its URL store, a one-line title for embeds and exports. */
const figures = defineCollection({
  loader: file('src/data/figures.json'),
  schema: z.object({
    chapter: reference('chapters'),
    number: z.string().regex(/^\d+\.\d+$/),
    width: z.enum(['body', 'page', 'screen']).default('body'),
    /** The chapter store (URL prefix) that holds the figure's state; none for a static figure. */
    store: z
      .string()
      .regex(/^[a-z][a-z0-9]*$/)
      .optional(),
    title: z.string().min(10).max(90),
  }),
});

/** The corrections log: what was wrong, where, and when it was fixed (newest first on the page). */
const corrections = defineCollection({
  loader: file('src/data/corrections.json'),
  schema: z.object({
    date: z.coerce.date(),
    /** The chapter affected; absent for site-wide corrections. */
    chapter: reference('chapters').optional(),
    /** The figure affected, by id. */
    figure: z.string().optional(),
    summary: z.string().min(10),
    details: z.string().optional(),
  }),
});

export const collections = { chapters, figures, corrections };
