import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createStudioHost } from '../../../core/host/studio-host';
import { connectInProcess } from '../../../core/host/in-process';
import { renderPromptTemplate } from '../../../core/prompts';
import { createRpcClient } from '../../../core/rpc/client';
import { fakeOpenAiConfig } from '../../fake-provider';
import { recordingLogger } from '../rpc/support/fake-endpoint';
import { engineOn, request, tempDir } from '../support/engine-kit';
import { figure } from '../support/figure';

// RELIABILITY.md IN-7: `{"__proto__":{"polluted":1}}` arrives as JSON text through RPC, a project file,
// prompt variables and a provider reply. Afterwards no object has gained `polluted`.
const POISON = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';

function polluted(): boolean {
  return ({} as Record<string, unknown>).polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
}

/** An OpenAI-compatible server whose reply carries the poison at the top level and inside the message. */
async function poisonedProvider(): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    const body = `{"__proto__":{"polluted":1},"id":"x","model":"fake","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hi","__proto__":{"polluted":1}}}],"usage":{"__proto__":{"polluted":1},"prompt_tokens":1,"completion_tokens":1}}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('IN-7 prototype pollution', () => {
  it('treats __proto__ as data everywhere', { timeout: 60_000 }, async () => {
    expect(polluted()).toBe(false);
    const url = await poisonedProvider();
    const dataDir = tempDir('gw-proto-data-');
    const home = tempDir('gw-proto-home-');
    const engine = await engineOn({ dataDir, providers: [fakeOpenAiConfig(url, { timeoutMs: 2000 })] });
    const host = await createStudioHost({ engine, dataDir, transport: 'in-process', version: '0.0.0-test', logger: recordingLogger(), checkOutputs: true, homeDir: home });
    onTestFinished(() => host.close());
    const transport = connectInProcess(host);
    onTestFinished(() => transport.close());
    const client = createRpcClient(transport);
    const session = transport.session;
    const after: Record<string, boolean> = {};

    // RPC: raw JSON text, poison in the envelope, in the input and in a settings patch.
    await host.dispatchText(`{"v":1,"id":"p1","method":"settings.update","input":{"patch":${POISON}},"__proto__":{"polluted":1}}`, session);
    await host.dispatchText(`{"v":1,"id":"p2","method":"generations.list","input":${POISON}}`, session);
    after.rpc = polluted();

    // File: a project whose document, scene and node config carry the poison.
    const created = await client.callOrThrow('project.new', { template: 'sample' });
    const text = readFileSync(created.path!, 'utf8').replace(/^\{/, `{"__proto__":{"polluted":1},`).replace('"scenes": [\n    {', `"scenes": [\n    {"__proto__":{"polluted":1},`);
    expect(text.split('"__proto__"')).toHaveLength(3);
    const poisonedPath = join(home, 'poisoned.genweave.json');
    writeFileSync(poisonedPath, text);
    await client.call('project.open', { path: poisonedPath });
    after.file = polluted();

    // Prompt variables: parsed from JSON text, rendered directly and through create().
    const variables = JSON.parse(`{"npcName":"Mara",${POISON.slice(1)}`) as Record<string, string>;
    renderPromptTemplate('Hello {{npcName}}', variables);
    const poisonedRequest = JSON.stringify(request({ nodeId: 'gen-proto' }, { provider: 'fake-openai', prompt: { inline: 'Hello {{npcName}}', variables: { npcName: 'Mara' } } })).replace('"variables":{"npcName":"Mara"}', `"variables":{"npcName":"Mara",${POISON.slice(1)}`);
    expect(poisonedRequest).toContain('__proto__');
    const reply = await client.call('generations.create', JSON.parse(poisonedRequest) as never);
    after.prompt_variables = polluted();

    // Provider reply: the generation runs against the poisoned server.
    const created2 = await client.callOrThrow('generations.create', request({ nodeId: 'gen-proto-2' }, { provider: 'fake-openai', prompt: { inline: 'Hello' } }) as never);
    const done = await engine.generations.wait(created2.generation.id);
    after.provider_reply = polluted();

    const leaked = Object.entries(after).filter(([, p]) => p).map(([path]) => path);
    figure('IN-7', { paths: Object.keys(after).length, polluted: leaked.length, provider_status: done.status, create_ok: reply.ok });
    expect(done.status).toBe('completed');
    expect(leaked).toEqual([]);
  });
});
