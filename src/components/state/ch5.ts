/** The URL-mirrored state of chapter 5's figures (DSNT). */
import type { DsntFigureInput } from '../../lib/index.ts';
import { numberParam, type Schema } from '../ui/params.ts';

export interface Ch5State {
  /** The two bumps of the logit map: centres (cells) and heights. */
  x1: number;
  y1: number;
  a1: number;
  x2: number;
  y2: number;
  a2: number;
  beta: number;
  /** The training target (cells) and σt of the regularisers. */
  tx: number;
  ty: number;
  sigmaT: number;
  /** How far along the path to the target the regulariser figure is. */
  t: number;
}

const cell = (d: number) => numberParam({ default: d, min: 0, max: 15, digits: 2 });

export const ch5: Schema<Ch5State> = {
  x1: cell(5.3),
  y1: cell(8.6),
  a1: numberParam({ default: 6, min: 0.5, max: 10, digits: 1, step: 0.5 }),
  x2: cell(11.2),
  y2: cell(4.4),
  a2: numberParam({ default: 0, min: 0, max: 10, digits: 1, step: 0.5 }),
  beta: numberParam({ default: 1, min: 0.2, max: 8, digits: 1 }),
  tx: cell(7),
  ty: cell(8),
  sigmaT: numberParam({ default: 1, min: 0.5, max: 3, digits: 1 }),
  t: numberParam({ default: 0, min: 0, max: 1, digits: 2 }),
};

/** The library's input for a state. */
export function dsntInput(s: Readonly<Omit<Ch5State, 't'>>): DsntFigureInput {
  return {
    peaks: [
      { x: s.x1, y: s.y1, amplitude: s.a1 },
      { x: s.x2, y: s.y2, amplitude: s.a2 },
    ],
    beta: s.beta,
    target: { x: s.tx, y: s.ty },
    sigmaT: s.sigmaT,
  };
}
