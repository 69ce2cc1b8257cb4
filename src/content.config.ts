import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
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

export const collections = { chapters };
