// Setup file of the reliability project: a passing test named for a RELIABILITY.md item that printed no
// figure of its own reports how many assertions it made (once per item and file), so every item has at
// least one FIGURE line.
import { afterEach, beforeEach, expect } from 'vitest';
import { figure, figuresPrinted, hasFigure, resetFigures } from './figure';

const ITEM_ID = /\b(RPC|EL|HOST|PROV|CONC|DUR|DATA|IN|SEC|RATE)-\d+\b/;

type Named = { name: string; suite?: Named };

function fullName(task: Named): string {
  const names: string[] = [];
  for (let node: Named | undefined = task; node !== undefined; node = node.suite) names.unshift(node.name);
  return names.join(' ');
}

beforeEach(() => resetFigures());

afterEach((context) => {
  const id = ITEM_ID.exec(fullName(context.task as Named))?.[0];
  if (id === undefined || figuresPrinted() > 0 || hasFigure(id) || context.task.result?.state === 'fail') return;
  figure(id, { assertions: expect.getState().assertionCalls });
});
