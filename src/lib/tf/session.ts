/**
 * A training session of chapter 8: a model, its optimiser and its data stream, stepped one
 * batch at a time, with a CPU-side snapshot of the weights from which a session can be rebuilt
 * on another backend (after a lost WebGL context, say).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TargetKind } from '../encode.ts';
import { createRandom, type Random } from '../random.ts';
import { SYNTH_K } from '../synth/stickFigures.ts';
import { createPoseModel, disposeModel, type Head, type PoseModel } from './model.ts';
import { makeBatch } from '../synth/batch.ts';
import { trainStep } from './train.ts';
import { deserializeModel, serializeModel, type WeightManifest } from './weights.ts';

/** What a session trains. */
export interface SessionConfig {
  head: Head;
  size: number;
  target: TargetKind;
  batch: number;
  learningRate: number;
  seed: number;
}

/** A running session. */
export interface Session {
  config: SessionConfig;
  model: PoseModel;
  optimizer: tf.Optimizer;
  random: Random;
  step: number;
}

/** Weights to start from: a manifest and its data. */
export interface Weights {
  manifest: WeightManifest;
  data: Float32Array;
}

/** Starts a session from scratch (seeded initialisation) or from given weights. */
export function startSession(config: SessionConfig, from?: Weights, step = 0): Session {
  const model = from
    ? deserializeModel(from.manifest, from.data)
    : createPoseModel({ head: config.head, size: config.size, k: SYNTH_K, split: 2 }, config.seed);
  return {
    config,
    model,
    optimizer: tf.train.adam(config.learningRate),
    random: createRandom(config.seed * 7919 + step),
    step,
  };
}

/** One step; resolves with the loss. */
export async function sessionStep(session: Session): Promise<number> {
  const batch = makeBatch(session.random, session.config.size, session.config.batch);
  const loss = await trainStep(session.model, session.optimizer, batch, session.config.target);
  session.step += 1;
  return loss;
}

/** The session's weights, copied to the CPU. */
export function snapshot(session: Session): Promise<Weights> {
  return serializeModel(session.model);
}

/** Frees a session's tensors. */
export function endSession(session: Session): void {
  session.optimizer.dispose();
  disposeModel(session.model);
}

/** Tensors alive in TF.js's engine. */
export function tensorsInMemory(): number {
  return tf.memory().numTensors;
}

/** The backend in use. */
export function currentBackend(): string {
  return tf.getBackend();
}
