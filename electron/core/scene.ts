/**
 * What each agent has loaded, learned from the events it emits. MMDAgent-EX never
 * replays state, so a session's scene starts empty and is dropped when it leaves.
 */
import type { SceneState } from '../contract.js';

export class SceneTracker {
  private readonly scenes = new Map<number, { models: Set<string>; motions: Map<string, { model: string; motion: string }> }>();

  /** Updates from one incoming line; true when the scene changed. */
  observe(session: number, line: string): boolean {
    if (!line.startsWith('MODEL_EVENT_') && !line.startsWith('MOTION_EVENT_')) return false;
    const [type, model, motion] = line.split('|');
    if (!model) return false;
    let scene = this.scenes.get(session);
    if (!scene) this.scenes.set(session, (scene = { models: new Set(), motions: new Map() }));
    const key = `${model}|${motion ?? ''}`;
    switch (type) {
      case 'MODEL_EVENT_ADD':
      case 'MODEL_EVENT_CHANGE':
        if (scene.models.has(model)) return false;
        scene.models.add(model);
        return true;
      case 'MODEL_EVENT_DELETE':
        for (const [k, m] of scene.motions) if (m.model === model) scene.motions.delete(k);
        return scene.models.delete(model);
      case 'MOTION_EVENT_ADD':
      case 'MOTION_EVENT_CHANGE':
        if (!motion || scene.motions.has(key)) return false;
        scene.motions.set(key, { model, motion });
        return true;
      case 'MOTION_EVENT_DELETE':
        return scene.motions.delete(key);
      default:
        return false;
    }
  }

  drop(session: number): boolean {
    return this.scenes.delete(session);
  }

  snapshot(): Record<number, SceneState> {
    const out: Record<number, SceneState> = {};
    for (const [session, s] of this.scenes) out[session] = { models: [...s.models], motions: [...s.motions.values()] };
    return out;
  }
}
