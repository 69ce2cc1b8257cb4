/**
 * Where chapter 9's runtime and model are served: the versions in the paths are the installed
 * packages' (the copy step refuses to build otherwise), and every file lives under the one folder
 * the service worker leaves out of its precache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BLAZEPOSE_ASSET_ROOT,
  BLAZEPOSE_ASSETS,
  BLAZEPOSE_MODEL_URL,
  LITERT_VERSION,
  LITERT_WASM_DIR,
  LITERT_WASM_FILES,
  MEDIAPIPE_POSE_VERSION,
} from '../../../../src/components/figures/blazepose/assets.ts';

const installed = (pkg: string): string =>
  (
    JSON.parse(readFileSync(new URL(`../../../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

describe('chapter 9 assets', () => {
  it('name the installed versions of LiteRT.js and MediaPipe Pose', () => {
    expect(LITERT_VERSION).toBe(installed('@litertjs/core'));
    expect(MEDIAPIPE_POSE_VERSION).toBe(installed('@mediapipe/pose'));
  });

  it('carry the versions in the served paths', () => {
    expect(LITERT_WASM_DIR).toBe(`/blazepose/litert-${LITERT_VERSION}/`);
    expect(BLAZEPOSE_MODEL_URL).toBe(`/blazepose/pose_landmark_lite-${MEDIAPIPE_POSE_VERSION}.tflite`);
  });

  it('copy each runtime file and the model from node_modules to a path under public/blazepose/', () => {
    expect(BLAZEPOSE_ASSETS).toHaveLength(LITERT_WASM_FILES.length + 1);
    for (const { to } of BLAZEPOSE_ASSETS) expect(`/${to}`.startsWith(BLAZEPOSE_ASSET_ROOT)).toBe(true);
    expect(BLAZEPOSE_ASSETS.at(-1)).toEqual({
      from: '@mediapipe/pose/pose_landmark_lite.tflite',
      to: BLAZEPOSE_MODEL_URL.slice(1),
    });
    for (const { from } of BLAZEPOSE_ASSETS)
      expect(existsSync(new URL(`../../../../node_modules/${from}`, import.meta.url)), from).toBe(true);
  });
});
