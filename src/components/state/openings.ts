/**
 * Where a chapter's figures open on another value than the parameter they share with other
 * chapters declares, as the URL writes it. Chapter 2 is about the biased target, so its figures
 * open on it; chapter 1, whose figures follow the same keypoint parameters, draws the unbiased one.
 * The store (`ui/store.ts`), the build's render (`renderFigure`'s `store`) and the controls all
 * read these through `storeSchema`, so a figure never opens on one value and hydrates to another.
 */
export const CHAPTER_OPENINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ch2: { target: 'biased' },
};
