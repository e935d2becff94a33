import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../core/domain';
import { parseProjectText } from '../../../core/project';
import { checkGraphProblems, isAssetPathInside } from '../../../core/validation';
import { SAMPLE_FILE } from '../project/project-test-kit';

function sample(): ProjectDocument {
  return parseProjectText(readFileSync(SAMPLE_FILE, 'utf8'), SAMPLE_FILE).document;
}

function rulesOf(document: ProjectDocument, assetStatus?: Record<string, 'ok' | 'missing' | 'changed'>) {
  return checkGraphProblems(document, assetStatus === undefined ? {} : { assetStatus }).map((p) => `${p.rule} ${p.severity} ${p.nodeId} ${p.path}: ${p.message}`);
}

describe('graph problems', () => {
  it('finds nothing in the sample project', () => {
    expect(checkGraphProblems(sample(), { assetStatus: { 'asset-storm-still': 'ok' } })).toEqual([]);
  });

  it('G01 reports a duplicate id across scenes, nodes, edges, assets and presets, and within NPC presets', () => {
    const doc = sample();
    doc.edges.push({ id: 's-market', source: 's-arrival', target: 's-storm' });
    doc.npcs.push({ ...doc.npcs[0]!, presets: [] });
    doc.npcs[1]!.presets.push({ ...doc.npcs[1]!.presets[0]! });
    expect(rulesOf(doc)).toEqual([
      "G01 error s-market edges[14].id: Duplicate id 's-market'",
      "G01 error 2 npcs[1].presets[2].id: Duplicate id 'acquaintance'",
      "G01 error 1 npcs[2].id: Duplicate id '1'",
    ]);
  });

  it('G02 reports each edge end that names no scene or node', () => {
    const doc = sample();
    doc.edges.push({ id: 'edge-x', source: 'ghost', target: 's-market' }, { id: 'edge-y', source: 's-market', target: 'gone' });
    expect(rulesOf(doc)).toEqual([
      "G02 error edge-x edges[14].source: Edge 'edge-x' points to missing node 'ghost'",
      "G02 error edge-y edges[15].target: Edge 'edge-y' points to missing node 'gone'",
    ]);
  });

  it('G03 reports a node with two incoming scenes, two outgoing scenes, or an edge to another node', () => {
    const doc = sample();
    doc.edges.push({ id: 'edge-in2', source: 's-arrival', target: 'gen-market-storm' });
    doc.edges.push({ id: 'edge-out2', source: 'gen-mara-dialogue', target: 's-confession' }, { id: 'edge-out3', source: 'gen-mara-dialogue', target: 's-departure' });
    doc.edges.push({ id: 'edge-nn', source: 'gen-docks-ambient', target: 'gen-tomas-reaction' });
    expect(rulesOf(doc).map((line) => line.split(':')[0])).toEqual([
      'G03 error gen-market-storm generationNodes[0]',
      'G03 error gen-mara-dialogue generationNodes[2]',
      'G03 error gen-docks-ambient generationNodes[3]',
      'G03 error gen-tomas-reaction generationNodes[4]',
    ]);
    expect(rulesOf(doc)[0]).toMatch(/: Generation node 'gen-market-storm' must have at most one incoming and one outgoing scene$/);
  });

  it('G04 reports unknown asset ids in a fallback, a scene reference image and an NPC base image', () => {
    const doc = sample();
    (doc.generationNodes[0]!.config.fallback as Record<string, unknown>).defaultContentId = 'asset-nope';
    doc.scenes[0]!.referenceImage = 'asset-missing-ref';
    doc.npcs[0]!.baseImage = 'asset-no-face';
    expect(rulesOf(doc)).toEqual([
      "G04 error gen-market-storm generationNodes[0].config.fallback.defaultContentId: Unknown asset 'asset-nope'",
      "G04 error s-arrival scenes[0].referenceImage: Unknown asset 'asset-missing-ref'",
      "G04 error 1 npcs[0].baseImage: Unknown asset 'asset-no-face'",
    ]);
  });

  it.each(['/etc/passwd', '../evil.png', 'assets/../../evil', 'C:\\evil', 'assets\\x.png', '\\\\srv\\share\\x', 'other/x.png', 'assets/', 'assets/./x', 'assets/a\0b'])(
    'G05 refuses the asset path %j',
    (bad) => {
      expect(isAssetPathInside(bad)).toBe(false);
      const doc = sample();
      doc.assets[0]!.path = bad;
      expect(rulesOf(doc)).toEqual([`G05 error asset-storm-still assets[0].path: Asset path '${bad}' must stay inside the project's assets folder`]);
    },
  );

  it('G05 accepts nested paths under assets/', () => {
    expect(isAssetPathInside('assets/portraits/tomas.svg')).toBe(true);
  });

  it('G06 warns about a missing or changed asset file when the host reports it', () => {
    expect(rulesOf(sample(), { 'asset-storm-still': 'missing', 'asset-tomas-portrait': 'changed', 'asset-lighthouse-ref': 'ok' })).toEqual([
      "G06 warning asset-storm-still assets[0].path: Asset file 'assets/storm-still.svg' is missing",
      "G06 warning asset-tomas-portrait assets[1].sha256: Asset file 'assets/tomas.svg' has changed",
    ]);
  });

  it('G07 reports unknown NPC ids in scenes, node social contexts and presets', () => {
    const doc = sample();
    doc.scenes[2]!.npcIds = [2, 9];
    (doc.generationNodes[2]!.config.socialContext as Record<string, unknown>).npcIds = [1, 4];
    doc.playthroughPresets[0]!.npcValues['12'] = { affinity: 1 };
    expect(rulesOf(doc)).toEqual([
      'G07 error s-tavern scenes[2].npcIds[1]: Unknown NPC 9',
      'G07 error gen-mara-dialogue generationNodes[2].config.socialContext.npcIds[1]: Unknown NPC 4',
      'G07 error preset-first-visit playthroughPresets[0].npcValues.12: Unknown NPC 12',
    ]);
  });

  it('G08 warns about a transition node that lacks a source or a target scene', () => {
    const doc = sample();
    doc.edges = doc.edges.filter((edge) => edge.source !== 'gen-market-storm');
    expect(rulesOf(doc)).toEqual([
      "G08 warning gen-market-storm generationNodes[0]: Transition node 'gen-market-storm' should connect a source and a target scene",
    ]);
  });

  it('reads malformed configs without throwing', () => {
    const doc = sample();
    doc.generationNodes[0]!.config = { fallback: 'nope', socialContext: { npcIds: 'x' }, generationType: 7 };
    doc.generationNodes[1]!.config = { fallback: null, socialContext: [] };
    expect(() => checkGraphProblems(doc)).not.toThrow();
  });
});
