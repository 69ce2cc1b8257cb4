/** The Lab's typed lists: OKS σ and keypoint names as a reader pastes them, in one URL form. */
import { describe, expect, it } from 'vitest';
import { namesParam, normalizeNames, normalizeSigmas, sigmasParam } from '../../../src/components/lab/list-params.ts';

describe('normalizeSigmas', () => {
  it('reads a typed list of σ, with or without brackets, and refuses anything else', () => {
    expect(normalizeSigmas('[.026, .025, 0.035]')).toBe('0.026,0.025,0.035');
    expect(normalizeSigmas('0.1 0.2;0.3')).toBe('0.1,0.2,0.3');
    expect(normalizeSigmas('0.1, -0.2')).toBeUndefined();
    expect(normalizeSigmas('0.1, 0')).toBeUndefined();
    expect(normalizeSigmas('0.1, 1e-3')).toBeUndefined();
    expect(normalizeSigmas('[.26, .25] / 10')).toBeUndefined();
    expect(sigmasParam().parse('0.1,abc')).toBeUndefined();
    expect(sigmasParam().parse('0.1,0.2')).toBe('0.1,0.2');
  });
});

describe('normalizeNames', () => {
  it("reads typed names, as a list or Python's, and refuses what a URL should not carry", () => {
    expect(normalizeNames("['nose', 'left_eye', \"right eye\"]")).toBe('nose,left_eye,right eye');
    expect(normalizeNames('nose, tail')).toBe('nose,tail');
    expect(normalizeNames('')).toBe('');
    expect(normalizeNames('nose, <script>')).toBeUndefined();
    expect(normalizeNames('nose,,tail')).toBeUndefined();
    expect(normalizeNames('x'.repeat(41))).toBeUndefined();
    expect(namesParam().parse('nose,tail')).toBe('nose,tail');
    expect(namesParam().parse('nose,%3Cb%3E')).toBeUndefined();
  });
});
