/*
 * Subpixel embeds, for the page that hosts them: each Subpixel figure in an iframe posts its
 * height ({type: 'subpixel:height', height}) as it changes; this makes the iframe that sent it
 * exactly that tall. It listens only to the origin it was loaded from, and changes nothing else
 * on the page. Include it once, after the iframes:
 *   <script src="https://…/embed.js" async></script>
 */
(() => {
  const script = document.currentScript;
  const origin = script && script.src ? new URL(script.src).origin : location.origin;
  const MAX_HEIGHT = 6000;
  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== 'subpixel:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(height))}px`;
    }
  });
})();
