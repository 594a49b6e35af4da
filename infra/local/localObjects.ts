import { LocalDiskObjectStore } from '../../shared/objects/localDiskObjectStore.js';
import type { LocalRuntime } from './localRuntime.js';

/**
 * The local object store: `<AWARD_HOME>/objects/<key>` with sidecars under `<AWARD_HOME>/meta/`. In a module of its
 * own so that readers of stored objects (the console's documents) do not load the intake with its OCR and canvas.
 */
export const localObjectStore = (runtime: LocalRuntime) => new LocalDiskObjectStore(runtime.home.root, 'local');
