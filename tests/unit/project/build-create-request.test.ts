import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CreateGenerationRequestSchema, type ProjectDocument } from '../../../core/domain';
import { buildCreateRequest, parseProjectText } from '../../../core/project';
import { SAMPLE_FILE } from './project-test-kit';

function sample(): ProjectDocument {
  return parseProjectText(readFileSync(SAMPLE_FILE, 'utf8'), SAMPLE_FILE).document;
}

describe('buildCreateRequest (project-format.md §2.6)', () => {
  it('builds the transition request with linked scenes, budgets, world and catalog', () => {
    const doc = sample();
    const request = buildCreateRequest(doc, 'gen-market-storm', { projectPath: '/p/harbor.genweave.json' });
    expect(CreateGenerationRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      projectId: doc.projectId,
      worldId: 'world-harbor',
      nodeId: 'gen-market-storm',
      projectPath: '/p/harbor.genweave.json',
      fromScene: { id: 's-market', mood: 'lively', summary: 'Stalls, haggling, first rumours of a storm.', location: 'fish market', emotionalState: 'restless' },
      toScene: { id: 's-storm', mood: 'tense' },
      world: doc.world.settings,
      catalog: doc.prompts,
      budget: { projectUsd: 5 },
    });
    expect(request.config).toBe(doc.generationNodes[0]!.config);
    expect(request.inputs).toBeUndefined(); // neither linked scene has a reference image
    expect(request.npcs).toBeUndefined();
  });

  it('takes NPC values and ids from the chosen preset and binds the host variables', () => {
    const request = buildCreateRequest(sample(), 'gen-tomas-reaction', { presetId: 'preset-return', playthroughId: 'ignored' });
    expect(request.npcs).toEqual([{ npcId: 2, values: { affinity: 30, trust: 20, chemistry: 30, tension: 15 } }]);
    expect(request).toMatchObject({ playthroughId: 'pt-return', playerId: 'player-1' });
    expect(request.variables).toEqual({ 'npc.id': 2, 'npc.name': 'Tomas', 'npcs.names': 'Tomas' });
    expect(request.inputs).toEqual([{ role: 'seed_image', assetPath: 'assets/tomas.svg' }]);
  });

  it('falls back to the sliders, then to zeros, and to the ids given without a preset', () => {
    const doc = sample();
    const fromSliders = buildCreateRequest(doc, 'gen-mara-dialogue', { sliderValues: { '1': { affinity: 12 } }, playerId: 'p-9' });
    expect(fromSliders.npcs).toEqual([{ npcId: 1, values: { affinity: 12 } }]);
    expect(fromSliders.playerId).toBe('p-9');
    const zeros = buildCreateRequest(doc, 'gen-mara-dialogue');
    expect(zeros.npcs).toEqual([{ npcId: 1, values: { affinity: 0, trust: 0, chemistry: 0, tension: 0 } }]);
  });

  it('binds player choices, flags and stats from the preset, skipping keys outside the placeholder grammar', () => {
    const doc = sample();
    Object.assign(doc.playthroughPresets[0]!, { choices: { door: 'left', 'bad key': 'x' }, flags: { metMara: true }, stats: { coins: 3 } });
    const request = buildCreateRequest(doc, 'gen-tavern-variation', { presetId: 'preset-first-visit' });
    expect(request.variables).toEqual({ 'player.choice.door': 'left', 'player.flag.metMara': true, 'player.stat.coins': 3 });
  });

  it('uses the editor draft config instead of the applied one', () => {
    const draft = { generationType: 'transition', purpose: 'gap_fill', strategy: 'once', fallback: { mode: 'skip' } };
    expect(buildCreateRequest(sample(), 'gen-market-storm', { draftConfig: draft }).config).toBe(draft);
  });

  it('adds from_image and to_image for a transition between scenes with reference images', () => {
    const doc = sample();
    doc.scenes.find((s) => s.id === 's-market')!.referenceImage = 'asset-lighthouse-ref';
    doc.scenes.find((s) => s.id === 's-storm')!.referenceImage = 'asset-storm-still';
    expect(buildCreateRequest(doc, 'gen-market-storm').inputs).toEqual([
      { role: 'from_image', assetPath: 'assets/lighthouse.svg' },
      { role: 'to_image', assetPath: 'assets/storm-still.svg' },
    ]);
  });

  it('answers GEN_NOT_FOUND for an unknown node or preset', () => {
    expect(() => buildCreateRequest(sample(), 'gen-nope')).toThrow(expect.objectContaining({ code: 'GEN_NOT_FOUND', message: "Node 'gen-nope' was not found." }));
    expect(() => buildCreateRequest(sample(), 'gen-market-storm', { presetId: 'preset-x' })).toThrow(
      expect.objectContaining({ code: 'GEN_NOT_FOUND', details: { entity: 'playthrough preset', id: 'preset-x' } }),
    );
  });
});
