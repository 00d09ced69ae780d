/**
 * Where a running exercise is kept in the tab's `sessionStorage` (run-keeper.ts). Its own file: the shell
 * reads it at start to know whether to load the classroom's resume, without loading that code first.
 */
export const RUN_KEY = 'dtu.classroom-run';
