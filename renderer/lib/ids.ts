// project-format.md §2.1: generated ids are a kind prefix followed by 8 base-36 characters.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'scene-' | 'gen-' | 'edge-' | 'asset-' | 'preset-';

function randomSuffix(random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i += 1) out += ALPHABET[Math.floor(random() * 36)] ?? '0';
  return out;
}

function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) / 0x1_0000_0000;
}

/** A fresh id that is not in `taken`; ids are unique across scenes, nodes, edges, assets and presets. */
export function newId(prefix: IdPrefix, taken: ReadonlySet<string>, random: () => number = cryptoRandom): string {
  for (;;) {
    const id = prefix + randomSuffix(random);
    if (!taken.has(id)) return id;
  }
}
