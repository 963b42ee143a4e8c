import type { Attachment } from 'svelte/attachments';
import { isSceneReady } from './scenes';

/**
 * `{@attach sceneReady(n)}` on a scene's container: keeps `data-scene-ready` in step with the
 * `data-ready` of the `n` graphs and maps inside it (they clear it while redrawing), so browser
 * tests and screenshots wait on a fact. A scene without them is ready once mounted.
 */
export function sceneReady(expected: number): Attachment<HTMLElement> {
  return (el) => {
    const update = () => {
      const states = [...el.querySelectorAll<HTMLElement>('[data-ready]')].map(
        (node) => node.dataset.ready,
      );
      el.dataset.sceneReady = String(isSceneReady(states, expected));
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(el, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-ready'],
    });
    return () => observer.disconnect();
  };
}
