import { describe, expect, it } from 'vitest';
import {
  clampScene,
  isSceneReady,
  SCENES,
  sceneKeyAction,
  scenesFor,
  stepScene,
  type KeyInput,
  type SceneAction,
} from './scenes';

describe('SCENES', () => {
  it('has the six scenes of a docking meeting, in order', () => {
    expect(SCENES.map((s) => s.id)).toEqual([
      'overview',
      'map',
      'cities',
      'banks',
      'policy',
      'batches',
    ]);
  });
});

describe('clampScene()', () => {
  const cases: [number, number][] = [
    [0, 1],
    [1, 1],
    [4, 4],
    [6, 6],
    [9, 6],
    [2.6, 3],
  ];
  it.each(cases)('scene %d of 6 shows as %d', (scene, shown) => {
    expect(clampScene(scene, 6)).toBe(shown);
  });
});

describe('sceneKeyAction()', () => {
  const cases: [KeyInput, SceneAction | null][] = [
    [{ key: 'ArrowRight' }, 'next'],
    [{ key: 'PageDown' }, 'next'],
    [{ key: ' ' }, 'next'],
    [{ key: ' ', shiftKey: true }, 'prev'],
    [{ key: 'ArrowLeft' }, 'prev'],
    [{ key: 'PageUp' }, 'prev'],
    [{ key: 'Home' }, 'first'],
    [{ key: 'End' }, 'last'],
    [{ key: 'Escape' }, 'exit'],
    [{ key: 'n' }, 'names'],
    [{ key: 'N', shiftKey: true }, 'names'],
    [{ key: 'n', ctrlKey: true }, null],
    [{ key: 'ArrowRight', altKey: true }, null],
    [{ key: 'ArrowRight', metaKey: true }, null],
    [{ key: 'n', targetTag: 'INPUT' }, null],
    [{ key: ' ', targetTag: 'select' }, null],
    [{ key: ' ', targetTag: 'BUTTON' }, 'next'],
    [{ key: 'x' }, null],
  ];
  it.each(cases)('%o → %s', (input, action) => {
    expect(sceneKeyAction(input)).toBe(action);
  });
});

describe('stepScene()', () => {
  const cases: [number, SceneAction, number | null][] = [
    [3, 'next', 4],
    [6, 'next', 6],
    [3, 'prev', 2],
    [1, 'prev', 1],
    [4, 'first', 1],
    [2, 'last', 6],
    [2, 'names', null],
    [2, 'exit', null],
  ];
  it.each(cases)('from scene %d, %s goes to %s', (scene, action, next) => {
    expect(stepScene(scene, 6, action)).toBe(next);
  });
});

describe('isSceneReady()', () => {
  const cases: [(string | undefined)[], number, boolean][] = [
    [[], 0, true],
    [[], 1, false],
    [['true'], 1, true],
    [['false'], 1, false],
    [['true', 'false'], 1, false],
    [['true', undefined], 2, false],
    [['true', 'true'], 2, true],
  ];
  it.each(cases)('states %o, expecting %d → %s', (states, expected, ready) => {
    expect(isSceneReady(states, expected)).toBe(ready);
  });
});

describe('scenesFor()', () => {
  it('adds the comparison’s scene after the six only while comparing', () => {
    expect(scenesFor(false).map((s) => s.id)).toEqual([
      'overview',
      'map',
      'cities',
      'banks',
      'policy',
      'batches',
    ]);
    expect(scenesFor(true).map((s) => s.id)).toEqual([
      'overview',
      'map',
      'cities',
      'banks',
      'policy',
      'batches',
      'round',
    ]);
  });
});
