/**
 * The Decoder Lab with what an MMPose or RTMPose practitioner has, each through the file input
 * as a reader would: a SimCC pair, `.npz` archives, a channels-last stack, a COCO ground-truth
 * file (and a results list), the flip test, copy as code, hostile and bad files; the page on a
 * 360 px phone and under axe, light and dark. Expected values come from the library.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import {
  cocoDetectionsFromJson,
  cocoTruthInInput,
  cropTruth,
  mmposeDetectionInstances,
  mmposeTopdownInstances,
  COCO17_FLIP_PAIRS,
  decodeLabSimccRange,
  decodeLabStack,
  flipHeatmaps,
  flipIndicesFromPairs,
  flipVectors,
  flipTestAverage,
  groundTruthInHeatmap,
  inputToImage,
  labMetrics,
  LAB_SAMPLE,
  makeLabSample,
  mmposeConfig,
  mmposeCrop,
  npyForLab,
  numpyCode,
  parseCocoKeypoints,
  simccFromArrays,
  stackFromNpy,
  summarizeLab,
  writeNpy,
  writeNpz,
  type CopyAsCodeSettings,
  type LabResult,
  type LabStack,
} from '../../src/lib/index.ts';
import { fmt } from '../../src/components/ui/format.ts';
import { cocoLines, metricsLines } from '../../src/components/lab/view/accuracy.ts';
import { tableLines } from '../../src/components/lab/view/lines.ts';
import { zipSync } from 'fflate';
import { npyFile } from '../npy-file.ts';
import { seriousViolationsLightAndDark } from './axe.ts';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { file, openLab, waitForText } from './lab-page.ts';
import { serveDist } from './server.ts';

let server: Server;
let origin: string;
let light: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  light = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
});

after(async () => {
  await light?.close();
  server?.close();
});

/** The cells of each row of a table body, as text. */
const cellsOf = (page: Page, body: string) =>
  page
    .locator(`[data-role="${body}"] tr`)
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim())));

/** The rows of the every-map table, as `tableLines` writes them; error columns only with a ground truth. */
const expectedRows = (lines: ReturnType<typeof tableLines>['lines'], errors = false) =>
  lines.map((l) => [
    l.map,
    ...(errors ? l.cells.map((c) => c.error) : []),
    l.skipped ? `skipped: ${l.skipped}` : l.spread,
    ...l.cells.map((c) => c.point),
  ]);

const DECODERS = ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax'] as const;
const SIMCC = ['simccArgmax', 'simccExpectation', 'simccDark'] as const;
const settings = { decoders: [...DECODERS], kernel: 11, beta: 20, stride: 4 };
const { stack: sample, truth: sampleTruth } = makeLabSample();
const none = (n: number) => new Array<boolean>(n).fill(false);

describe('Decoder Lab, toolkit outputs', () => {
  test("RTMPose's flip test on a SimCC pair: the flipped image's vectors flipped back as flip_vectors and averaged (issue 27 item 5)", async () => {
    const page = await openLab(light, origin, '?lab.pairs=0-1');
    const x = readFileSync('tests/fixtures/mmpose/simcc-x.npy');
    const y = readFileSync('tests/fixtures/mmpose/simcc-y.npy');
    await page.locator('[data-role="file"]').setInputFiles([file('rtm_simcc_x.npy', x), file('rtm_simcc_y.npy', y)]);
    await waitForText(page, '[data-role="status"]', /^Decoded 32 keypoints with 3 decoders/);
    // The same vectors as the flipped image's: flipped back and averaged.
    await page
      .locator('[data-role="flipped-file"]')
      .setInputFiles([file('flip_simcc_x.npy', x), file('flip_simcc_y.npy', y)]);
    await waitForText(page, '[data-role="flip-text"]', /as MMPose's flip_vectors/);
    const simcc = simccFromArrays(npyForLab(x, 'x'), npyForLab(y, 'y'), 'pair');
    const back = flipVectors(simcc.x, simcc.y, 32, flipIndicesFromPairs([[0, 1]], 32));
    const averaged = {
      ...simcc,
      x: back.x.map((v, i) => (simcc.x[i]! + v) * 0.5),
      y: back.y.map((v, i) => (simcc.y[i]! + v) * 0.5),
    };
    const rows = decodeLabSimccRange(averaged, { decoders: [...SIMCC], splitRatio: 2, sigma: [6, 6], beta: 20 }, 0, 32);
    await page.waitForFunction(
      (first) => document.querySelector('[data-role="rows"] tr td')?.textContent === first,
      expectedRows(tableLines(rows, [...SIMCC], 'index', 'keypoint').lines)[0]![1],
    );
    assert.deepEqual(
      await cellsOf(page, 'rows'),
      expectedRows(tableLines(rows, [...SIMCC], 'index', 'keypoint').lines),
    );
    assert.match(
      (await page.locator('[data-role="loaded"]').textContent()) ?? '',
      /Flip test with flip_simcc_x\.npy \+ flip_simcc_y\.npy/,
    );
    await page.close();
  });

  test('a SimCC pair (two .npy chosen together) decodes as SimCCLabel does, with both vectors drawn', async () => {
    const page = await openLab(light, origin);
    const x = readFileSync('tests/fixtures/mmpose/simcc-x.npy');
    const y = readFileSync('tests/fixtures/mmpose/simcc-y.npy');
    // In reverse order: the names say which is x.
    await page.locator('[data-role="file"]').setInputFiles([file('rtm_simcc_y.npy', y), file('rtm_simcc_x.npy', x)]);
    await waitForText(page, '[data-role="status"]', /^Decoded 32 keypoints with 3 decoders/);
    const simcc = simccFromArrays(npyForLab(x, 'x'), npyForLab(y, 'y'), 'pair');
    const rows = decodeLabSimccRange(simcc, { decoders: [...SIMCC], splitRatio: 2, sigma: [6, 6], beta: 20 }, 0, 32);
    assert.deepEqual(
      await cellsOf(page, 'rows'),
      expectedRows(tableLines(rows, [...SIMCC], 'index', 'keypoint').lines),
    );
    assert.match(
      (await page.locator('[data-role="loaded"]').textContent()) ?? '',
      /rtm_simcc_x\.npy \+ rtm_simcc_y\.npy: 1 sample × 32 keypoints, SimCC vectors of 96 \(x\) and 128 \(y\) bins/,
    );
    // The vectors of the selected keypoint, and its points in bins and input pixels.
    for (const role of ['vector-x', 'vector-y', 'vector-x-zoom', 'vector-y-zoom'])
      await page.locator(`[data-role="${role}"] svg`).waitFor();
    assert.match(
      (await page.locator('[data-role="vector-x"] svg').getAttribute('aria-label')) ?? '',
      /simcc_x: 96 bins/,
    );
    assert.equal(await page.locator('[data-role="points-first"]').textContent(), 'Bins');
    const p = rows[0]!.points.simccArgmax!;
    assert.deepEqual((await cellsOf(page, 'points'))[0]!.slice(1, 3), [
      `${fmt(2 * p.x, 3)}, ${fmt(2 * p.y, 3)}`,
      `${fmt(p.x, 2)}, ${fmt(p.y, 2)}`,
    ]);
    // Another split ratio: a new decode, in the URL.
    await page.locator('input[data-param="split"]').fill('4');
    await page.locator('input[data-param="split"]').press('Enter');
    await page.locator('input[data-param="split"]').blur();
    await page.waitForFunction(() => location.search.includes('lab.split=4'));
    const rows4 = decodeLabSimccRange(simcc, { decoders: [...SIMCC], splitRatio: 4, sigma: [6, 6], beta: 20 }, 0, 32);
    const first = tableLines(rows4, [...SIMCC], 'index', 'keypoint').lines[0]!;
    await waitForText(page, '[data-role="rows"] tr', new RegExp(first.cells[0]!.point));
    await page.close();
  });

  test('an .npz: several heatmap arrays are chosen by name; simcc_x and simcc_y are a SimCC pair', async () => {
    const page = await openLab(light, origin);
    const archive = writeNpz({
      heatmaps: { data: sample.data, shape: [4, 17, 64, 48] },
      flipped: { data: new Float32Array(sample.data.length), shape: [4, 17, 64, 48] },
    });
    await page.locator('[data-role="file"]').setInputFiles(file('outputs.npz', archive));
    await waitForText(page, '[data-role="choose-what"]', /outputs\.npz holds 2 arrays: which holds the heatmaps\?/);
    // Each array with its shape and dtype (issue 27 item 9: byte sizes said nothing).
    assert.deepEqual(await page.locator('[data-role="choose-array"] option').allTextContents(), [
      'heatmaps (4 × 17 × 64 × 48, <f4)',
      'flipped (4 × 17 × 64 × 48, <f4)',
    ]);
    await page.locator('[data-role="choose-array"]').selectOption('heatmaps');
    await page.locator('button[data-action="choose"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps with 5 decoders/);
    assert.equal(await page.locator('[data-role="choose"]').isVisible(), false);
    const rows = decodeLabStack(sample, settings, undefined, none(68));
    assert.deepEqual(await cellsOf(page, 'rows'), expectedRows(tableLines(rows, [...DECODERS], 'index').lines));
    assert.match((await page.locator('[data-role="loaded"]').textContent()) ?? '', /^outputs\.npz:heatmaps: 4 samples/);

    const x = npyForLab(readFileSync('tests/fixtures/mmpose/simcc-x.npy'), 'x');
    const y = npyForLab(readFileSync('tests/fixtures/mmpose/simcc-y.npy'), 'y');
    const rtm = writeNpz({
      simcc_x: { data: x.data, shape: [1, 32, 96] },
      simcc_y: { data: y.data, shape: [1, 32, 128] },
    });
    await page.locator('[data-role="file"]').setInputFiles(file('rtmpose.npz', rtm));
    await waitForText(page, '[data-role="status"]', /^Decoded 32 keypoints with 3 decoders/);
    await page.close();
  });

  test('a channels-last stack is read with a visible note; an ambiguous one is refused until the layout is chosen', async () => {
    const page = await openLab(light, origin);
    // [H, W, K] = [64, 48, 17], as TensorFlow writes one sample.
    const last = new Float32Array(64 * 48 * 17);
    const first = sample.data.subarray(0, 17 * 64 * 48);
    for (let k = 0; k < 17; k++) for (let i = 0; i < 64 * 48; i++) last[i * 17 + k] = first[k * 64 * 48 + i]!;
    const bytes = writeNpy(last, [64, 48, 17]);
    await page.locator('[data-role="file"]').setInputFiles(file('tf.npy', bytes));
    await waitForText(
      page,
      '[data-role="notes"]',
      /tf\.npy: read as channels last \[H, W, K\] = \[64, 48, 17\] \(17 maps of 64 × 48\) and transposed/,
    );
    await waitForText(page, '[data-role="status"]', /^Decoded 17 maps/);
    // Copy as code reads the file as the Lab did: channels last, moved first.
    assert.match((await page.locator('[data-role="numpy-code"]').textContent()) ?? '', /np\.moveaxis\(maps, -1, -3\)/);
    const rows = decodeLabStack(stackFromNpy(bytes, 'tf.npy'), settings, undefined, none(17));
    assert.deepEqual(
      await cellsOf(page, 'rows'),
      expectedRows(
        tableLines(
          decodeLabStack({ ...sample, n: 1, data: first }, settings, undefined, none(17)),
          [...DECODERS],
          'index',
        ).lines,
      ),
    );
    assert.deepEqual(await cellsOf(page, 'rows'), expectedRows(tableLines(rows, [...DECODERS], 'index').lines));

    const cube = writeNpy(new Float32Array(64 * 64 * 64).fill(0.5), [64, 64, 64]);
    await page.locator('[data-role="file"]').setInputFiles(file('cube.npy', cube));
    await waitForText(
      page,
      '[data-role="messages"]',
      /cube\.npy: shape \(64, 64, 64\) could be 64 maps of 64 × 64 \(channels first\) or 64 maps of 64 × 64 \(channels last\); choose the layout/,
    );
    // The old note and results are gone with the old file.
    assert.equal(await page.locator('[data-role="notes"]').textContent(), '');
    assert.equal(await page.locator('[data-role="results"]').isVisible(), false);
    await page.locator('input[name="lab-layout"][value="channelsLast"]').check();
    await waitForText(page, '[data-role="status"]', /^Decoded 64 maps/);
    assert.equal(await page.locator('[data-role="messages"]').textContent(), '');
    await page.waitForFunction(() => location.search.includes('lab.layout=channelsLast'));
    await page.close();
  });

  test('a results list and its COCO file, without heatmaps, are scored by COCOeval; clearing them clears it (issue 27 item 8)', async () => {
    const page = await openLab(light, origin);
    const kps = Array.from({ length: 17 }, (_, i) => [100 + 3 * i, 50 + 5 * i, 2]).flat();
    const gt = {
      images: [{ id: 1 }, { id: 2 }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, keypoints: kps, num_keypoints: 17, bbox: [90, 40, 70, 100], area: 5000 },
      ],
      categories: [{ id: 1 }],
    };
    const results = [
      { image_id: 1, category_id: 1, keypoints: kps, score: 0.5 },
      { image_id: 2, category_id: 1, keypoints: kps, score: 0.9 },
    ];
    await page
      .locator('[data-role="truth-file"]')
      .setInputFiles([
        file('person_keypoints_val.json', JSON.stringify(gt), 'application/json'),
        file('results.keypoints.json', JSON.stringify(results), 'application/json'),
      ]);
    await waitForText(
      page,
      '[data-role="status"]',
      /^Scored results\.keypoints\.json against person_keypoints_val\.json/,
    );
    const [row] = await cellsOf(page, 'coco-rows');
    // A false positive ranked above the one true result: AP 50; the person is medium, no one large.
    assert.deepEqual(row, [
      'Your results (results.keypoints.json)',
      '50.0',
      '50.0',
      '50.0',
      '50.0',
      '—',
      '100.0',
      '100.0',
      '100.0',
      '100.0',
      '—',
    ]);
    assert.equal(await page.locator('[data-role="decoded-block"]').isVisible(), false);
    await page.locator('[data-role="clear-truth"]').click();
    await page.waitForFunction(() => document.querySelector('[data-role="results"]')?.hasAttribute('hidden'));
    await page.close();
  });

  test('a COCO keypoints file: errors, PCK, OKS and AP per decoder, keypoint names, and a results list scored beside it', async () => {
    const page = await openLab(light, origin);
    const bytes = writeNpy(sample.data, [4, 17, 64, 48]);
    await page.locator('[data-role="file"]').setInputFiles(file('val.npy', bytes));
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    // Four people in their images: the sample's truth placed through MMPose's crop of each box.
    const boxes: [number, number, number, number][] = [
      [100, 40, 120, 200],
      [300, 120, 80, 150],
      [20, 20, 160, 260],
      [400, 300, 60, 90],
    ];
    const names = Array.from({ length: 17 }, (_, j) => `joint_${j}`);
    const annotations = boxes.map((bbox, n) => {
      const crop = mmposeCrop(bbox, 192, 256);
      const keypoints = sampleTruth.slice(17 * n, 17 * n + 17).flatMap((p, j) => {
        const q = inputToImage(p, crop, 192, 256, 'stride');
        return [q.x, q.y, j === 1 && n === 0 ? 0 : 2];
      });
      return { id: n + 1, image_id: n + 1, category_id: 1, keypoints, bbox, area: bbox[2] * bbox[3] * 0.6, iscrowd: 0 };
    });
    const gt = { images: boxes.map((_, n) => ({ id: n + 1 })), annotations, categories: [{ id: 1, keypoints: names }] };
    const results = annotations.map((a) => ({
      image_id: a.image_id,
      category_id: 1,
      keypoints: a.keypoints,
      score: 0.9,
    }));
    await page
      .locator('[data-role="truth-file"]')
      .setInputFiles([
        file('person_keypoints_val.json', JSON.stringify(gt), 'application/json'),
        file('results.json', JSON.stringify(results), 'application/json'),
      ]);
    await waitForText(page, '[data-role="loaded"]', /Ground truth: person_keypoints_val\.json \(COCO keypoints\)/);
    const coco = parseCocoKeypoints(JSON.stringify(gt), 'gt');
    const truths = coco.annotations.map((a) => cocoTruthInInput(a, 192, 256, 'stride').truth);
    const perMap = truths.flatMap((t) =>
      t.keypoints.map((p, j) => (t.visibility[j]! > 0 ? { x: p.x / 4, y: p.y / 4 } : { x: Number.NaN, y: Number.NaN })),
    );
    const rows = decodeLabStack(sample, settings, perMap, none(68));
    // PCK, OKS, AP and AR in image pixels, as MMPose's CocoMetric.
    const frame = {
      coco,
      instances: mmposeTopdownInstances(coco).instances,
      mapping: 'stride' as const,
      inputW: 192,
      inputH: 256,
    };
    const metrics = labMetrics({
      rows,
      k: 17,
      decoders: [...DECODERS],
      truths,
      scale: { x: 4, y: 4 },
      names,
      coco: frame,
    });
    const lines = metricsLines({ metrics, results: undefined } as unknown as LabResult);
    const shown = await cellsOf(page, 'metrics');
    assert.deepEqual(
      shown.slice(0, 5),
      lines.map((l) => [l.label, l.pck05, l.pck10, l.oks, l.ap, l.ap50, l.ap75]),
    );
    // The results list is the ground truth itself: a perfect AP.
    assert.deepEqual(shown[5], ['Your results (results.json)', '—', '—', '—', '100.0', '100.0', '100.0']);
    // COCOeval's ten numbers per decoder and for the results file; the people are medium and large.
    const cocoShown = await cellsOf(page, 'coco-rows');
    assert.deepEqual(
      cocoShown.slice(0, 5),
      cocoLines({ metrics, results: undefined } as unknown as LabResult).map((l) => [l.label, ...l.cells]),
    );
    assert.deepEqual(cocoShown[5], ['Your results (results.json)', ...new Array(10).fill('100.0')]);
    // Errors per keypoint, named as the file names them.
    const keypoints = await cellsOf(page, 'keypoints-rows');
    assert.deepEqual(
      keypoints.map((r) => r[0]),
      names,
    );
    assert.equal(keypoints[0]![4], fmt(metrics[3]!.perKeypoint[0]!.meanError, 2));
    assert.match((await page.locator('[data-role="map-name"]').textContent()) ?? '', /keypoint 0 \(joint_0\)/);
    // The score chart, with its legend, whose keys switch a decoder's dots off and on.
    await page.locator('[data-role="score-chart"] svg').waitFor();
    assert.match((await page.locator('[data-role="score-legend"]').textContent()) ?? '', /Argmax.*DARK/);
    const dots = (id: string) =>
      page
        .locator(`[data-role="score-chart"] .decoder-${id}`)
        .evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
    const darkKey = page.locator('[data-role="score-legend"] button[data-value="dark"]');
    assert.ok((await dots('dark')) > 0 && (await dots('argmax')) > 0);
    await darkKey.click();
    await page.waitForFunction(() => location.search.includes('lab.off=dark'));
    await page.locator('[data-role="score-legend"] button[data-value="dark"][aria-pressed="false"]').waitFor();
    assert.equal(await dots('dark'), 0);
    assert.ok((await dots('argmax')) > 0, 'argmax stays');
    await page.locator('[data-role="score-legend"] button[data-value="dark"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.search.includes('lab.off'));
    assert.ok((await dots('dark')) > 0);
    await page.close();
  });

  test("detected boxes: a detector's bbox_file beside the COCO file gives CocoMetric's AP with box scores, no PCK, and the box score threshold (issue 27 item 10)", async () => {
    const page = await openLab(light, origin);
    await page.locator('[data-role="file"]').setInputFiles(file('det-val.npy', writeNpy(sample.data, [4, 17, 64, 48])));
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    // Three people; a detector finds each (the third with little confidence), a false person beside the first
    // (ranked above the third), and a chair.
    const people: [number, number, number, number][] = [
      [100, 40, 120, 200],
      [300, 120, 80, 150],
      [20, 20, 160, 260],
    ];
    const detected: [number, number, number, number][] = [...people, [104, 46, 110, 190]];
    const annotations = people.map((bbox, n) => {
      const crop = mmposeCrop(bbox, 192, 256);
      const keypoints = sampleTruth.slice(17 * n, 17 * n + 17).flatMap((p) => {
        const q = inputToImage(p, crop, 192, 256, 'stride');
        return [q.x, q.y, 2];
      });
      return { id: n + 1, image_id: n + 1, category_id: 1, keypoints, bbox, area: bbox[2] * bbox[3] * 0.6, iscrowd: 0 };
    });
    const gt = { images: people.map((_, n) => ({ id: n + 1 })), annotations, categories: [{ id: 1 }] };
    const detections = [
      { image_id: 1, category_id: 62, bbox: [5, 5, 40, 40], score: 0.95 },
      ...detected.map((bbox, n) => ({
        image_id: n === 3 ? 1 : n + 1,
        category_id: 1,
        bbox,
        score: [0.9, 0.8, 0.12, 0.25][n]!,
      })),
    ];
    await page
      .locator('[data-role="truth-file"]')
      .setInputFiles([
        file('person_keypoints_val.json', JSON.stringify(gt), 'application/json'),
        file('detections.json', JSON.stringify(detections), 'application/json'),
      ]);
    await waitForText(page, '[data-role="loaded"]', /samples on detections\.json's detected boxes/);
    const coco = parseCocoKeypoints(JSON.stringify(gt), 'gt');
    const instances = mmposeDetectionInstances(coco, cocoDetectionsFromJson(detections, 'det'), 0).instances;
    const nan = { x: Number.NaN, y: Number.NaN };
    const rows = decodeLabStack(sample, settings, new Array(68).fill(nan), none(68));
    const metrics = labMetrics({
      rows,
      k: 17,
      decoders: [...DECODERS],
      truths: instances.map(() => ({
        keypoints: new Array(17).fill(nan),
        visibility: new Array<number>(17).fill(0),
        area: 1,
        bbox: [0, 0, 1, 1] as [number, number, number, number],
      })),
      scale: { x: 4, y: 4 },
      coco: { coco, instances, mapping: 'stride', inputW: 192, inputH: 256 },
    });
    const cocoShown = await cellsOf(page, 'coco-rows');
    assert.deepEqual(
      cocoShown,
      cocoLines({ metrics, results: undefined } as unknown as LabResult).map((l) => [l.label, ...l.cells]),
    );
    // The numbers say something: the false person, ranked above the third, costs AP.
    assert.ok(
      metrics.every((m) => m.coco!.ap > 0.5 && m.coco!.ap < 1),
      JSON.stringify(metrics.map((m) => m.coco!.ap)),
    );
    const shown = await cellsOf(page, 'metrics');
    assert.deepEqual(
      shown.map((r) => r.slice(1, 4)),
      DECODERS.map(() => ['—', '—', '—']),
    );
    assert.match(
      (await page.locator('[data-role="messages"]').textContent()) ?? '',
      /keeps 4 of 5 detections \(dropped: 1 not of a person/,
    );
    assert.match((await page.locator('[data-role="notes"]').textContent()) ?? '', /no annotation of their own/);
    // MMPose's filter_cfg=dict(bbox_score_thr=0.3) keeps two detections: no longer the input's four samples.
    await page.locator('input[data-param="boxThr"]').fill('0.3');
    await page.locator('input[data-param="boxThr"]').press('Enter');
    await waitForText(
      page,
      '[data-role="messages"]',
      /keeps 2 of 5 detections \(dropped: 1 not of a person \(category_id ≠ 1\), 2 scoring below bbox_score_thr 0\.3\), but the input holds 4 samples/,
    );
    await page.waitForFunction(() => /lab\.boxThr=0\.3/.test(location.search));
    await page.close();
  });

  test('a keypoint set other than COCO-17: OKS and AP wait for σ typed under Settings, and a wrong count says so', async () => {
    const page = await openLab(light, origin);
    // The sample's first five keypoints: a five-keypoint set.
    const five = new Float32Array(4 * 5 * 64 * 48);
    for (let n = 0; n < 4; n++) five.set(sample.data.subarray(n * 17 * 3072, (n * 17 + 5) * 3072), n * 5 * 3072);
    await page.locator('[data-role="file"]').setInputFiles(file('five.npy', writeNpy(five, [4, 5, 64, 48])));
    await waitForText(page, '[data-role="status"]', /^Decoded 20 maps/);
    const points = Array.from({ length: 4 }, (_, n) => sampleTruth.slice(17 * n, 17 * n + 5).map((p) => [p.x, p.y]));
    await page
      .locator('[data-role="truth-file"]')
      .setInputFiles(file('five.json', JSON.stringify(points), 'application/json'));
    await waitForText(page, '[data-role="notes"]', /type your dataset's σ/);
    assert.deepEqual(
      (await cellsOf(page, 'metrics')).map((r) => r[3]),
      DECODERS.map(() => '—'),
    );
    const field = page.locator('input[data-param="sigmas"]');
    await field.fill('0.1, 0.2');
    await field.press('Enter');
    await waitForText(
      page,
      '[data-role="messages"]',
      /2 OKS σ typed under Settings, but the input has 5 keypoints; OKS and AP are not measured/,
    );
    await field.fill('[0.026, 0.025, 0.025, 0.035, 0.035]');
    await field.press('Enter');
    await page.waitForFunction(() => /0\.026,0\.025/.test(decodeURIComponent(location.search)));
    const sigmas = [0.026, 0.025, 0.025, 0.035, 0.035];
    const truths = points.map((sampleTruthPoints) =>
      cropTruth(
        sampleTruthPoints.map(([x, y]) => ({ x: x!, y: y! })),
        192,
        256,
      ),
    );
    const perMap = points.flat().map(([x, y]) => ({ x: x! / 4, y: y! / 4 }));
    const metrics = labMetrics({
      rows: decodeLabStack(stackFromNpy(writeNpy(five, [4, 5, 64, 48]), 'five.npy'), settings, perMap, none(20)),
      k: 5,
      decoders: [...DECODERS],
      truths,
      scale: { x: 4, y: 4 },
      sigmas,
    });
    const expected = metricsLines({ metrics, results: undefined } as unknown as LabResult).map((l) => [
      l.label,
      l.pck05,
      l.pck10,
      l.oks,
      l.ap,
      l.ap50,
      l.ap75,
    ]);
    await page.waitForFunction(
      (want) => document.querySelector('[data-role="metrics"] tr td:nth-child(4)')?.textContent?.trim() === want,
      expected[0]![3],
    );
    assert.deepEqual(await cellsOf(page, 'metrics'), expected);
    // Their names, typed as Python writes a list, label the per-keypoint table and the map.
    const names = page.locator('input[data-param="names"]');
    await names.fill("['snout', 'left_ear', 'right_ear', 'withers', 'tail']");
    await names.press('Enter');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-role="keypoints-rows"] tr th, [data-role="keypoints-rows"] tr td')
          ?.textContent?.trim() === 'snout',
    );
    assert.deepEqual(
      (await cellsOf(page, 'keypoints-rows')).map((r) => r[0]),
      ['snout', 'left_ear', 'right_ear', 'withers', 'tail'],
    );
    assert.match((await page.locator('[data-role="map-name"]').textContent()) ?? '', /\(snout\)/);
    await names.fill('snout, tail');
    await names.press('Enter');
    await waitForText(
      page,
      '[data-role="messages"]',
      /2 keypoint names typed under Settings, but the input has 5 keypoints/,
    );
    await page.close();
  });

  test('the flip test: averaged as MMPose does, and what shift 0 and shift 1 do to each decoder’s error', async () => {
    const page = await openLab(light, origin);
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    // The mirror image's maps as a network would give them: the sample's, mirrored and swapped.
    const indices = flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17);
    const all = { data: sample.data, k: 68, h: 64, w: 48 };
    const mirrored = flipHeatmaps(all, indices, 0).data;
    await page
      .locator('[data-role="flipped-file"]')
      .setInputFiles(file('flipped.npy', writeNpy(mirrored, [4, 17, 64, 48])));
    await waitForText(page, '[data-role="loaded"]', /Flip test with flipped\.npy, shift 1/);
    const perMap = groundTruthInHeatmap(sampleTruth, 'input', 4);
    const decode = (shift: 0 | 1 | 'off'): ReturnType<typeof summarizeLab> => {
      const stack: LabStack =
        shift === 'off'
          ? sample
          : { ...sample, data: flipTestAverage(all, { ...all, data: mirrored }, indices, shift).data };
      return summarizeLab(decodeLabStack(stack, settings, perMap, none(68)), [...DECODERS]);
    };
    const [off, s0, s1] = [decode('off'), decode(0), decode(1)];
    assert.deepEqual(
      await cellsOf(page, 'flip-rows'),
      DECODERS.map((d, i) => [
        ['Argmax', 'Quarter shift (per axis)', 'Quarter shift (second maximum)', 'DARK', 'Soft-argmax'][i],
        fmt(off[d]!.mean, 3),
        fmt(s0[d]!.mean, 3),
        fmt(s1[d]!.mean, 3),
      ]),
    );
    // The summary follows the chosen shift.
    await page.locator('input[name="lab-flip"][value="0"]').check();
    await page.waitForFunction(() => location.search.includes('lab.flip=0'));
    await waitForText(page, '[data-role="loaded"]', /shift 0/);
    await waitForText(page, '[data-role="summary"]', new RegExp(fmt(s0.dark!.mean, 3)));
    // Pairs that are not pairs are refused where they are typed; pairs that do not fit, in a message.
    await page.locator('input[data-param="pairs"]').fill('1-2, 3');
    await page.locator('input[data-param="pairs"]').press('Tab');
    await waitForText(page, '[data-param-note="pairs"]', /is not a list of pairs/);
    await page.locator('input[data-param="pairs"]').fill('1-2, 3-40');
    await page.locator('input[data-param="pairs"]').press('Tab');
    await waitForText(
      page,
      '[data-role="messages"]',
      /Flip pairs: flip pair \(3, 40\) names keypoint 40, outside 0\.\.16; the flip test is off/,
    );
    await page.close();
  });

  test('copy as code: the clipboard holds numpyCode and mmposeConfig of the settings shown', async () => {
    const page = await openLab(light, origin, '?lab.convention=mmpose&lab.darkUdp=1&lab.kernel=7');
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps with 6 decoders/);
    await page.locator('input[name="lab-mapping"][value="udp"]').check();
    await page.locator('input[data-param="quarter2"]').uncheck();
    await page.waitForFunction(
      () => location.search.includes('lab.mapping=udp') && location.search.includes('lab.quarter2=0'),
    );
    const expected: CopyAsCodeSettings = {
      input: 'heatmaps',
      convention: 'mmpose',
      decoders: ['argmax', 'quarter', 'dark', 'softargmax', 'darkUdp'],
      kernel: 7,
      beta: 20,
      mapping: 'udp',
      stride: 4,
      heatmapW: LAB_SAMPLE.w,
      heatmapH: LAB_SAMPLE.h,
      splitRatio: 2,
      sigma: [6, 6],
      flip: null,
      file: 'sample.npy',
    };
    await page.locator('button[data-action="copy-numpy"]').click();
    await waitForText(page, '[data-role="copy-status"]', /Copied the NumPy code/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), numpyCode(expected));
    await page.locator('button[data-action="copy-mmpose"]').click();
    await waitForText(page, '[data-role="copy-status"]', /Copied the MMPose config/);
    const config = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(config, mmposeConfig(expected));
    assert.match(config, /UDPHeatmap/);
    // The same code is on the page.
    await page.locator('[data-role="code-details"] summary').click();
    assert.equal(await page.locator('[data-role="numpy-code"]').textContent(), numpyCode(expected));
    await page.close();
  });

  const python = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  const runs = 'copy as code: the copied NumPy code, run with python3 on the sample, gives the numbers the Lab exports';
  test(python.status === 0 ? runs : `${runs} (skipped: python3 with NumPy not found)`, async (t) => {
    if (python.status !== 0) {
      t.skip('python3 with NumPy not found');
      return;
    }
    const page = await openLab(light, origin, '?lab.convention=mmpose&lab.darkUdp=1&lab.megvii=1&lab.kernel=7');
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps with 7 decoders/);
    await page.locator('button[data-action="copy-numpy"]').click();
    await waitForText(page, '[data-role="copy-status"]', /Copied the NumPy code/);
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-action="json"]').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const lab = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      rows: { points: Record<string, { x: number | null; y: number | null; score: number | null }> }[];
    };
    await page.close();

    const dir = mkdtempSync(join(tmpdir(), 'subpixel-lab-code-'));
    writeFileSync(join(dir, 'decode.py'), code);
    const out = spawnSync('python3', [join(dir, 'decode.py'), 'public/lab/sample.npy'], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    assert.equal(out.stderr, '');
    const py = JSON.parse(out.stdout) as {
      points: Record<string, { heatmap: (number | null)[]; score: number | null }>;
    }[];
    assert.equal(py.length, lab.rows.length);
    const ids = Object.keys(lab.rows[0]!.points);
    assert.equal(ids.length, 7);
    const num = (v: number | null | undefined) => (v === null || v === undefined ? Number.NaN : v);
    const near = (a: number, b: number, tol: number) => (Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= tol);
    const bad: string[] = [];
    lab.rows.forEach((row, i) => {
      for (const id of ids) {
        const l = row.points[id]!;
        const p = py[i]!.points[id]!;
        const [x, y] = p.heatmap.map(num) as [number, number];
        if (!near(x, num(l.x), 1e-4) || !near(y, num(l.y), 1e-4) || !near(num(p.score), num(l.score), 1e-5))
          bad.push(`map ${i} ${id}: python (${x}, ${y}, ${p.score}), Lab (${l.x}, ${l.y}, ${l.score})`);
      }
    });
    assert.deepEqual(bad, []);
  });

  test('issue 27 item 9: each surprising file gets a sentence the reader understands', async () => {
    const page = await openLab(light, origin);
    const input = page.locator('[data-role="file"]');
    const messages = () => page.locator('[data-role="messages"]').textContent();
    // MMPose's dumped predictions and boxes are not SimCC vectors: the Lab asks, showing what each holds.
    const dumped = writeNpz({
      preds: { data: new Float32Array(50 * 17 * 3), shape: [50, 17, 3] },
      boxes: { data: new Float32Array(50 * 4), shape: [50, 4] },
    });
    await input.setInputFiles(file('result.npz', dumped));
    await waitForText(page, '[data-role="choose-what"]', /result\.npz holds 2 arrays: which holds the heatmaps\?/);
    assert.deepEqual(await page.locator('[data-role="choose-array"] option').allTextContents(), [
      'preds (50 × 17 × 3, <f4)',
      'boxes (50 × 4, <f4)',
    ]);
    assert.doesNotMatch((await messages()) ?? '', /SimCC/);
    // A string array beside the heatmaps is named with why it cannot be read; the heatmaps stay choosable.
    const names = npyFile("{'descr': '<U5', 'fortran_order': False, 'shape': (17,), }", new Uint8Array(17 * 5 * 4));
    const mixed = zipSync({ 'heatmaps.npy': writeNpy(sample.data, [4, 17, 64, 48]), 'names.npy': names });
    await input.setInputFiles(file('with-names.npz', mixed));
    await waitForText(page, '[data-role="choose-what"]', /with-names\.npz holds 2 arrays/);
    const options = await page.locator('[data-role="choose-array"] option').allTextContents();
    assert.equal(options[0], 'heatmaps (4 × 17 × 64 × 48, <f4)');
    assert.match(options[1]!, /^names: cannot be read \(.*<U5/);
    // A SimCC pair whose vectors come from different numbers of samples says so, not "keypoints".
    await input.setInputFiles([
      file('x.npy', writeNpy(new Float32Array(3 * 17 * 96), [3, 17, 96])),
      file('y.npy', writeNpy(new Float32Array(2 * 17 * 128), [2, 17, 128])),
    ]);
    await waitForText(
      page,
      '[data-role="messages"]',
      /simcc_x \(3, 17, 96\) and simcc_y \(2, 17, 128\) hold different numbers of samples \(3 and 2\)/,
    );
    // A binary file given as ground truth: no raw bytes, a sentence.
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    await page
      .locator('[data-role="truth-file"]')
      .setInputFiles(file('maps.npy', writeNpy(sample.data, [4, 17, 64, 48])));
    await waitForText(
      page,
      '[data-role="messages"]',
      /^maps\.npy: not a text file \(it holds binary data\); the ground truth is JSON or CSV points/,
    );
    assert.doesNotMatch((await messages()) ?? '', /NUMPY|\uFFFD/);
    await page.close();
  });

  test('bad and hostile files each get a message, new files clear old messages, and the page keeps working', async () => {
    const page = await openLab(light, origin);
    const input = page.locator('[data-role="file"]');
    const truthInput = page.locator('[data-role="truth-file"]');
    await input.setInputFiles(file('broken.npz', 'PK\u0003\u0004 not really a zip'));
    await waitForText(page, '[data-role="messages"]', /^broken\.npz: /);
    await input.setInputFiles([
      file('a_x.npy', writeNpy(new Float32Array(17 * 64 * 48), [17, 64, 48])),
      file('a_y.npy', writeNpy(new Float32Array(17 * 64 * 48), [17, 64, 48])),
    ]);
    await waitForText(page, '[data-role="messages"]', /a_x\.npy and a_y\.npy read as heatmaps, not SimCC vectors/);
    // A good file: the old message goes.
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    assert.equal(await page.locator('[data-role="messages"]').textContent(), '');
    // Ground truth nested 5,000 deep: the reader's message, from the worker.
    await truthInput.setInputFiles(
      file('deep.json', `${'['.repeat(5000)}[1,2]${']'.repeat(5000)}`, 'application/json'),
    );
    await waitForText(page, '[data-role="messages"]', /deep\.json: .* nests arrays more than 8 deep; expected points/);
    assert.match((await page.locator('[data-role="loaded"]').textContent()) ?? '', /No ground truth/);
    // A 64 MB CSV is refused from its size, before it is read.
    const dir = mkdtempSync(join(tmpdir(), 'subpixel-lab-'));
    const big = join(dir, 'points.csv');
    writeFileSync(big, '12.5,40.25\n'.repeat(6_100_000));
    await truthInput.setInputFiles(big);
    await waitForText(
      page,
      '[data-role="messages"]',
      /points\.csv: 64 MiB is larger than the Lab reads for ground truth \(32 MiB\)/,
    );
    assert.doesNotMatch((await page.locator('[data-role="messages"]').textContent()) ?? '', /deep\.json/);
    // A .npy whose header nests 200,000 deep: the reader's own message, and the page still works.
    await input.setInputFiles(file('deep.npy', npyFile('('.repeat(200_000), new Uint8Array(), 2)));
    await waitForText(page, '[data-role="messages"]', /^deep\.npy: .*nested more than 16 deep/);
    assert.doesNotMatch((await page.locator('[data-role="messages"]').textContent()) ?? '', /RangeError|call stack/);
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    // A flipped stack of another shape.
    await page
      .locator('[data-role="flipped-file"]')
      .setInputFiles(file('flip.npy', writeNpy(new Float32Array(17 * 64 * 48), [17, 64, 48])));
    await waitForText(
      page,
      '[data-role="messages"]',
      /flip\.npy: 1 × 17 maps of 64 × 48, but the input is 4 × 17 of 64 × 48; the flip test needs the same shape/,
    );
    await page.locator('button[data-action="clear-flipped"]').click();
    await page.waitForFunction(
      () => !/flip\.npy/.test(document.querySelector('[data-role="messages"]')?.textContent ?? ''),
    );
    // Still working.
    await page.locator('input[data-param="megvii"]').check();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps with 6 decoders/);
    await page.close();
  });

  test('fits a 360 px phone with SimCC vectors, and with heatmaps, ground truth and the flip test', async () => {
    const phone = await launch({ viewport: { width: 360, height: 780 } });
    try {
      const page = await openLab(phone, origin);
      await page
        .locator('[data-role="file"]')
        .setInputFiles([
          file('simcc_x.npy', readFileSync('tests/fixtures/mmpose/simcc-x.npy')),
          file('simcc_y.npy', readFileSync('tests/fixtures/mmpose/simcc-y.npy')),
        ]);
      await waitForText(page, '[data-role="status"]', /^Decoded 32 keypoints/);
      await page.locator('[data-role="vector-y-zoom"] svg').waitFor();
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
      await page.locator('button[data-sample="synthetic"]').click();
      await page
        .locator('[data-role="flipped-file"]')
        .setInputFiles(file('flipped.npy', writeNpy(sample.data, [4, 17, 64, 48])));
      await waitForText(page, '[data-role="loaded"]', /Flip test with flipped\.npy/);
      await page.locator('[data-role="score-chart"] svg').waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `page is ${width} px wide`);
    } finally {
      await phone.close();
    }
  });

  test('heatmaps from the real model: BlazePose lite runs only when asked, its 39 sigmoid maps decoded with their names', async () => {
    const page = await openLab(light, origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const button = page.locator('button[data-action="sample"][data-sample="blazepose"]');
    assert.match((await button.textContent()) ?? '', /^\s*Heatmaps from the real model \(\d+\.\d MB download\)\s*$/);
    // Nothing of the model is fetched before the press.
    await page.waitForTimeout(500);
    assert.deepEqual(
      requests.filter((r) => r.startsWith('/blazepose/')),
      [],
    );
    await button.click();
    await waitForText(page, '[data-role="status"]', /^Decoded 39 maps with 5 decoders/);
    assert.ok(requests.some((r) => r.startsWith('/blazepose/')));
    assert.equal(await button.isDisabled(), false);
    assert.match(
      (await page.locator('[data-role="loaded"]').textContent()) ?? '',
      /BlazePose lite on the bundled photo \(its default crop\): 1 sample × 39 keypoints of 64 × 64 cells .*stride mapping, stride 4\.00 \(input 256 × 256 px\)/,
    );
    assert.match(
      (await page.locator('[data-role="notes"]').textContent()) ?? '',
      /the model's logits put through the sigmoid, as MediaPipe reads them \(values in \(0, 1\): .*\); the model ran on your (CPU|GPU)/,
    );
    assert.equal(await page.locator('[data-role="messages"]').textContent(), '');
    assert.match((await page.locator('[data-role="map-name"]').textContent()) ?? '', /keypoint 0 \(nose\)/);
    assert.equal((await cellsOf(page, 'rows')).length, 39);
    // No ground truth: the summary shows scores only, and says why.
    assert.match(
      (await page.locator('[data-role="summary-caption"]').textContent()) ?? '',
      /errors need a ground truth/,
    );
    assert.deepEqual(await page.locator('[data-role="summary-table"] thead th:visible').allTextContents(), [
      'Decoder',
      'Mean score',
      'Score is',
    ]);
    await page.close();
  });

  test('heatmaps from the real model: a model that cannot be downloaded gets a message, and the page keeps working', async () => {
    const page = await openLab(light, origin);
    await page.route('**/blazepose/**', (route) => route.abort());
    await page.locator('button[data-sample="blazepose"]').click();
    await waitForText(
      page,
      '[data-role="messages"]',
      /^Heatmaps from the real model could not be opened: The model's runtime \(LiteRT\.js\) could not start in this browser: \/blazepose\/\S+ could not be downloaded from this site/,
    );
    assert.equal(await page.locator('button[data-sample="blazepose"]').isDisabled(), false);
    assert.equal(await page.locator('[data-role="results"]').isVisible(), false);
    await page.locator('button[data-sample="synthetic"]').click();
    await waitForText(page, '[data-role="status"]', /^Decoded 68 maps/);
    assert.equal(await page.locator('[data-role="messages"]').textContent(), '');
    await page.close();
  });

  test('has no serious or critical axe violation with SimCC, then metrics and the flip test shown, light and dark mode', async () => {
    const page = await openLab(light, origin);
    const check = () => seriousViolationsLightAndDark(page);
    await page
      .locator('[data-role="file"]')
      .setInputFiles([
        file('simcc_x.npy', readFileSync('tests/fixtures/mmpose/simcc-x.npy')),
        file('simcc_y.npy', readFileSync('tests/fixtures/mmpose/simcc-y.npy')),
      ]);
    await page.locator('[data-role="vector-x"] svg').waitFor();
    assert.deepEqual(await check(), []);
    await page.locator('button[data-sample="synthetic"]').click();
    await page
      .locator('[data-role="flipped-file"]')
      .setInputFiles(file('flipped.npy', writeNpy(sample.data, [4, 17, 64, 48])));
    await waitForText(page, '[data-role="loaded"]', /Flip test with flipped\.npy/);
    await page.locator('[data-role="score-chart"] svg').waitFor();
    await page.locator('[data-role="code-details"] summary').click();
    assert.deepEqual(await check(), []);
    await page.close();
  });
});
