/**
 * SimDR / SimCC: keypoint coordinates as two 1-D classifications (Li et al., ECCV 2022),
 * with the SimCC repository's formulas (codec-spec §5). A w-wide input axis becomes
 * floor(w·k) bins for split ratio k; bin b stands for input coordinate b/k.
 */

/** Number of bins of a `size`-pixel axis at split ratio k (SimCC casts w·k to int). */
export function simdrBins(size: number, k: number): number {
  return Math.floor(size * k);
}

/**
 * Weights of SimCC's head for one input size: two linear layers (with biases), shared by the
 * keypoints, from `features` flattened features per keypoint to k·w x bins and k·h y bins,
 * (features + 1)·(simdrBins(w, k) + simdrBins(h, k)).
 */
export function simdrProjectionParameters(features: number, w: number, h: number, k: number): number {
  return (features + 1) * (simdrBins(w, k) + simdrBins(h, k));
}

/** NumPy's `round`: halves go to the even neighbour. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The one-hot bin of input coordinate x: round(k·x). */
export function simdrOneHotBin(x: number, k: number): number {
  return roundHalfEven(k * x);
}

/** SimDR's one-hot label: 1 at round(k·x), 0 elsewhere (all zero when that bin is off the axis). */
export function simdrOneHot(x: number, size: number, k: number): Float64Array {
  const out = new Float64Array(simdrBins(size, k));
  const b = simdrOneHotBin(x, k);
  if (b >= 0 && b < out.length) out[b] = 1;
  return out;
}

/**
 * Label smoothing as SimCC's NMT criterion: 1 - ε at round(k·x), ε/(n - 1) on every other bin.
 */
export function simdrSmoothed(x: number, size: number, k: number, epsilon: number): Float64Array {
  const n = simdrBins(size, k);
  const out = new Float64Array(n).fill(epsilon / (n - 1));
  const b = simdrOneHotBin(x, k);
  if (b >= 0 && b < n) out[b] = 1 - epsilon;
  return out;
}

/** SA-SimDR's Gaussian label: exp(-(b - k·x)²/2σ²)/(σ√2π), σ in bins, centre not rounded. */
export function simdrGaussian(x: number, size: number, k: number, sigma: number): Float64Array {
  const n = simdrBins(size, k);
  const mu = k * x;
  const norm = sigma * Math.sqrt(2 * Math.PI);
  return Float64Array.from({ length: n }, (_, b) => Math.exp(-((b - mu) ** 2) / (2 * sigma * sigma)) / norm);
}

/** log softmax of a logit vector (stable). */
export function logSoftmax(logits: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] as number) - max);
  const lse = max + Math.log(sum);
  return Float64Array.from(logits, (v) => v - lse);
}

/** softmax of a logit vector. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  return logSoftmax(logits).map(Math.exp);
}

/**
 * KL(label ‖ softmax(logits)) summed over bins, as PyTorch's `KLDivLoss` on log-softmax
 * inputs: terms whose label is 0 vanish.
 */
export function simdrKl(label: ArrayLike<number>, logits: ArrayLike<number>): number {
  const logq = logSoftmax(logits);
  let s = 0;
  for (let i = 0; i < label.length; i++) {
    const t = label[i] as number;
    if (t > 0) s += t * (Math.log(t) - (logq[i] as number));
  }
  return s;
}

/** Per-bin terms of {@link simdrKl}, for drawing where the loss comes from. */
export function simdrKlTerms(label: ArrayLike<number>, logits: ArrayLike<number>): Float64Array {
  const logq = logSoftmax(logits);
  return Float64Array.from(label, (t, i) => (t > 0 ? t * (Math.log(t) - (logq[i] as number)) : 0));
}

/** Decodes one axis: argmax(logits)/k, in input pixels (first maximum on ties). */
export function simdrDecode(logits: ArrayLike<number>, k: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
  return best / k;
}

/** Numbers stored per keypoint: a 2-D heatmap's W·H against SimDR's k(w + h). */
export function representationSize(
  inputW: number,
  inputH: number,
  stride: number,
  k: number,
): { heatmap: number; simdr: number } {
  return {
    heatmap: Math.floor(inputW / stride) * Math.floor(inputH / stride),
    simdr: simdrBins(inputW, k) + simdrBins(inputH, k),
  };
}
