/**
 * Where the site serves chapter 9's runtime and model. The files are not committed: they are copied
 * from node_modules into public/blazepose/ (gitignored) by scripts/copy-blazepose-assets.ts, which
 * `npm run build` and `npm run dev` run first (npm's prebuild/predev), and which fails when an
 * installed package's version is not the one named here (the versions are in the paths, so a new
 * release gets new addresses and no cache serves an old file under a new name).
 *
 * Nothing here is fetched until the reader asks (`runtime.ts`). The service worker must not
 * precache public/blazepose/: it holds about 21 MB on disk, of which one browser downloads one
 * runtime build and the model.
 */

/** The installed @litertjs/core release whose WebAssembly builds the site serves. */
export const LITERT_VERSION = '2.5.3';

/** The installed @mediapipe/pose release whose lite landmark model the site serves. */
export const MEDIAPIPE_POSE_VERSION = '0.5.1675469404';

/** The folder of everything chapter 9 loads on demand, from the site's root. */
export const BLAZEPOSE_ASSET_ROOT = '/blazepose/';

/** LiteRT.js's WebAssembly folder (given to `loadLiteRt`, which picks the build the browser supports). */
export const LITERT_WASM_DIR = `${BLAZEPOSE_ASSET_ROOT}litert-${LITERT_VERSION}/`;

/** The lite landmark model. */
export const BLAZEPOSE_MODEL_URL = `${BLAZEPOSE_ASSET_ROOT}pose_landmark_lite-${MEDIAPIPE_POSE_VERSION}.tflite`;

/**
 * The LiteRT.js files the site serves: the relaxed-SIMD build and the "compat" build for browsers
 * without relaxed SIMD (LiteRT.js chooses; the threaded and JSPI builds are for options the site
 * does not use).
 */
export const LITERT_WASM_FILES = [
  'litert_wasm_internal.js',
  'litert_wasm_internal.wasm',
  'litert_wasm_compat_internal.js',
  'litert_wasm_compat_internal.wasm',
] as const;

/** Every file under public/blazepose/: source in node_modules → path under public/. */
export const BLAZEPOSE_ASSETS: readonly { from: string; to: string }[] = [
  ...LITERT_WASM_FILES.map((name) => ({
    from: `@litertjs/core/wasm/${name}`,
    to: `${LITERT_WASM_DIR.slice(1)}${name}`,
  })),
  { from: '@mediapipe/pose/pose_landmark_lite.tflite', to: BLAZEPOSE_MODEL_URL.slice(1) },
];
