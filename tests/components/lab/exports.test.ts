/**
 * exportText: the Lab's downloads are the library's own exports of the decode (`labCsv`,
 * `labJson`, `labSimccCsv`, `labSimccJson`) under the settings it was decoded with, its keypoint
 * names, and (for the UDP mapping's input pixels) its map size.
 */
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/components/lab/exports.ts';
import {
  heatmapSettingsOf,
  labCsv,
  labJson,
  labSimccCsv,
  labSimccJson,
  simccSettingsOf,
  type LabRow,
  type SimccDecoderId,
} from '../../../src/lib/index.ts';
import { heatmapsDecoded, runWith, simccDecoded } from './decoded.ts';

describe('exportText(format, decoded): heatmaps', () => {
  it("is the library's CSV of the rows, with the names and the map size, as subpixel-lab.csv", async () => {
    const decoded = await heatmapsDecoded({ truth: true, run: runWith({ mapping: 'udp' }) });
    const { result, run } = decoded;
    const context = { names: result.names, k: result.k, heatmapW: result.w, heatmapH: result.h };
    const csv = exportText('csv', decoded);
    expect(csv).toEqual({
      name: 'subpixel-lab.csv',
      type: 'text/csv',
      text: labCsv(result.rows as LabRow[], heatmapSettingsOf(run), context),
    });
    // Under UDP the input pixels depend on the map size: without it the text would differ.
    expect(csv.text).not.toBe(labCsv(result.rows as LabRow[], heatmapSettingsOf(run), { names: result.names }));
  });

  it("is the library's JSON of the rows, with the source, as subpixel-lab.json", async () => {
    const decoded = await heatmapsDecoded({ run: runWith({ beta: 35 }) });
    const { result, run } = decoded;
    const json = exportText('json', decoded);
    expect(json).toEqual({
      name: 'subpixel-lab.json',
      type: 'application/json',
      text: labJson(result.rows as LabRow[], heatmapSettingsOf(run), result.source, {
        names: result.names,
        k: result.k,
        heatmapW: result.w,
        heatmapH: result.h,
      }),
    });
    expect(JSON.parse(json.text)).toMatchObject({ source: result.source, settings: { beta: 35 } });
  });
});

describe('exportText(format, decoded): SimCC', () => {
  it("is the library's SimCC CSV and JSON of the rows under the run's SimCC settings", async () => {
    const decoded = await simccDecoded({ truth: true, run: runWith({ split: 3 }) });
    const { result, run } = decoded;
    const rows = result.rows as LabRow<SimccDecoderId>[];
    const context = { names: result.names, k: result.k };
    expect(exportText('csv', decoded)).toEqual({
      name: 'subpixel-lab.csv',
      type: 'text/csv',
      text: labSimccCsv(rows, simccSettingsOf(run), context),
    });
    expect(exportText('json', decoded)).toEqual({
      name: 'subpixel-lab.json',
      type: 'application/json',
      text: labSimccJson(rows, simccSettingsOf(run), result.source, context),
    });
    expect(JSON.parse(exportText('json', decoded).text)).toMatchObject({ settings: { splitRatio: 3 } });
  });
});
