import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedUrl, hiddenControls, iframeSnippet, permalink } from '../../../src/components/ui/figure-links.ts';

const place = { origin: 'https://example.org', pathname: '/chapters/02-x/', search: '?ch2.x=70.3&ch2.y=9&other=1' };

describe('figure links', () => {
  it('permalink keeps the whole query and anchors the figure', () => {
    expect(permalink(place, 'fig-hero')).toBe('https://example.org/chapters/02-x/?ch2.x=70.3&ch2.y=9&other=1#fig-hero');
  });

  it('embed address keeps only the figure store’s parameters, and the valid hidden controls', () => {
    expect(embedUrl(place, 'fig-hero', 'ch2')).toBe('https://example.org/embed/fig-hero/?ch2.x=70.3&ch2.y=9');
    expect(embedUrl(place, 'fig-hero', 'ch2', ['sigma', 'target'])).toBe(
      'https://example.org/embed/fig-hero/?ch2.x=70.3&ch2.y=9&hide=sigma,target',
    );
    expect(embedUrl(place, 'fig-quant', undefined, ['<b>'])).toBe('https://example.org/embed/fig-quant/');
  });

  it('reads back the hidden controls it wrote, and nothing else from a hostile query', () => {
    const url = new URL(embedUrl(place, 'fig-hero', 'ch2', ['sigma', 'target']));
    expect(hiddenControls(url.search)).toEqual(['sigma', 'target']);
    expect(hiddenControls('?hide=sigma,"><script>,sigma,,x y,a-b')).toEqual(['sigma', 'a-b']);
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (raw) => {
        const names = hiddenControls(`?hide=${encodeURIComponent(raw)}`);
        expect(names.length).toBeLessThanOrEqual(24);
        for (const n of names) expect(n).toMatch(/^[a-z][a-zA-Z0-9-]{0,30}$/);
      }),
    );
  });

  it('writes an iframe whose attributes cannot be broken out of, at a sane height', () => {
    const snippet = iframeSnippet('https://example.org/embed/fig-hero/?a=1&b="2"', 'Figure 2.1: <x> & "y"', 99999);
    expect(snippet).toBe(
      '<iframe src="https://example.org/embed/fig-hero/?a=1&amp;b=&quot;2&quot;" title="Figure 2.1: &lt;x&gt; &amp; &quot;y&quot;" width="100%" height="2400" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>',
    );
    expect(iframeSnippet('/e/', 't', 10)).toContain('height="200"');
  });

  it('adds the script that makes the frame follow its figure, when given, after the iframe', () => {
    const snippet = iframeSnippet('https://example.org/embed/fig-dark/', 't', 600, 'https://example.org/embed.js');
    expect(snippet.startsWith('<iframe src="https://example.org/embed/fig-dark/"')).toBe(true);
    expect(snippet).toMatch(
      /<\/iframe>\n<!-- [^>]* -->\n<script src="https:\/\/example\.org\/embed\.js" async><\/script>$/,
    );
  });
});
