import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTempFiles, extensionForMediaType, openMediaStore } from '../../../core/storage';
import { makeTempDir } from '../../integration/engine/engine-fixtures';

describe('the media store', () => {
  it('names files by the SHA-256 of their bytes under media/<aa>/ and writes each once', async () => {
    const dir = makeTempDir('gw-media-');
    const store = openMediaStore(dir);
    const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(store.put(bytes, 'image/svg+xml')).toEqual({ sha256: sha, mediaType: 'image/svg+xml', byteLength: bytes.byteLength });
    const path = join(dir, 'media', sha.slice(0, 2), `${sha}.svg`);
    expect(readFileSync(path)).toEqual(bytes);
    store.put(bytes, 'image/svg+xml');
    expect(readdirSync(join(dir, 'media', sha.slice(0, 2)))).toEqual([`${sha}.svg`]);
    expect(store.has(sha, 'image/svg+xml')).toBe(true);
    expect(Buffer.from(await store.read(sha, 'image/svg+xml'))).toEqual(bytes);
    expect(countTempFiles(store)).toBe(0);
  });

  it('empties media/.tmp at open', () => {
    const dir = makeTempDir('gw-media-');
    mkdirSync(join(dir, 'media', '.tmp'), { recursive: true });
    writeFileSync(join(dir, 'media', '.tmp', 'half-written.part'), 'partial');
    const store = openMediaStore(dir);
    expect(countTempFiles(store)).toBe(0);
    expect(existsSync(join(dir, 'media', '.tmp'))).toBe(true);
  });

  it('maps media types to the documented extensions', () => {
    expect(['image/png', 'image/jpeg', 'video/mp4', 'audio/mpeg', 'audio/ogg', 'text/plain'].map(extensionForMediaType)).toEqual([
      'png', 'jpg', 'mp4', 'mp3', 'ogg', 'bin',
    ]);
  });
});
