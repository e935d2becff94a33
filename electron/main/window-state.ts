// The main window comes back where the user left it: bounds and maximized state in <userData>/window-state.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const WindowStateSchema = z.object({
  x: z.int().optional(),
  y: z.int().optional(),
  width: z.int().min(400).max(20_000),
  height: z.int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

export function loadWindowState(file: string): WindowState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_WINDOW_STATE;
    throw thrown;
  }
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch (thrown) {
    if (thrown instanceof SyntaxError) return DEFAULT_WINDOW_STATE; // a half-written file from a crash
    throw thrown;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, `${JSON.stringify(WindowStateSchema.parse(state))}\n`);
}
