/**
 * The presentation's scenes, its keyboard and its readiness: pure, so the stepping rules are
 * tested without a browser.
 */
import type { MessageKey } from '../../i18n/messages';

export const SCENES = [
  { id: 'overview', titleKey: 'present.scene.overview' },
  { id: 'map', titleKey: 'present.scene.map' },
  { id: 'cities', titleKey: 'present.scene.cities' },
  { id: 'banks', titleKey: 'present.scene.banks' },
  { id: 'policy', titleKey: 'present.scene.policy' },
  { id: 'batches', titleKey: 'present.scene.batches' },
] as const satisfies readonly { id: string; titleKey: MessageKey }[];
/**
 * The scene of a comparison (issue 14): what a docking round achieved, or what a scenario would do.
 * It follows the six scenes only while two rounds are compared or a scenario is on (`cmp=` / `scn=`
 * in the URL), so a meeting's usual presentation keeps its six scenes.
 */
export const ROUND_SCENE = { id: 'round', titleKey: 'present.scene.round' } as const satisfies {
  id: string;
  titleKey: MessageKey;
};
export type SceneId = (typeof SCENES)[number]['id'] | typeof ROUND_SCENE.id;
export type Scene = (typeof SCENES)[number] | typeof ROUND_SCENE;

/**
 * The scenes of a presentation: the six, then the comparison's scene when there is one.
 * @example scenesFor(false).length // 6
 * @example scenesFor(true).at(-1)?.id // 'round'
 */
export const scenesFor = (comparing: boolean): readonly Scene[] =>
  comparing ? [...SCENES, ROUND_SCENE] : SCENES;

/**
 * The scene number to show for the URL's scene (1-based; the URL allows up to 20).
 * @example clampScene(9, 6) // 6
 */
export const clampScene = (scene: number, count: number): number =>
  Math.min(Math.max(1, Math.round(scene)), Math.max(1, count));

export type SceneAction = 'next' | 'prev' | 'first' | 'last' | 'exit' | 'names';

/** The part of a KeyboardEvent the presentation reads. */
export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element, e.g. 'INPUT'. */
  targetTag?: string;
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * What a key does in the presentation: →, PageDown, Space next; ←, PageUp, Shift+Space back;
 * Home/End first/last; Escape leaves; N shows or hides names. Keys with Ctrl/Alt/Meta and keys
 * typed into a form field do nothing here.
 * @example sceneKeyAction({ key: 'PageDown' }) // 'next'
 * @example sceneKeyAction({ key: 'n', ctrlKey: true }) // null
 */
export function sceneKeyAction(e: KeyInput): SceneAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.targetTag && TYPING.has(e.targetTag.toUpperCase())) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    case 'n':
    case 'N':
      return 'names';
    default:
      return null;
  }
}

/**
 * The scene an action leads to (clamped: → on the last scene stays there), or null when the
 * action does not change the scene.
 * @example stepScene(3, 6, 'next') // 4
 * @example stepScene(6, 6, 'next') // 6
 */
export function stepScene(scene: number, count: number, action: SceneAction): number | null {
  switch (action) {
    case 'next':
      return clampScene(scene + 1, count);
    case 'prev':
      return clampScene(scene - 1, count);
    case 'first':
      return 1;
    case 'last':
      return count;
    default:
      return null;
  }
}

/**
 * Is a scene drawn? Its own markup is rendered with it; the graph and map inside it report through
 * their `data-ready` attribute, and all `expected` of them must be there and say "true".
 * @example isSceneReady(['true'], 1) // true
 * @example isSceneReady([], 1) // false: the map is not mounted yet
 */
export const isSceneReady = (readyStates: readonly (string | undefined)[], expected: number) =>
  readyStates.length >= expected && readyStates.every((s) => s === 'true');
