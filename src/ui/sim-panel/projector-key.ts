/**
 * Where projector mode is remembered (`localStorage`) and the event that tells every view it changed. Its own
 * file: the shell follows the switch with CSS only and must not load projector.ts's styles and controller.
 */
export const PROJECTOR_KEY = 'dtu.projector';
export const PROJECTOR_EVENT = 'dtu-projector-change';
