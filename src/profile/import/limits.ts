/**
 * The import pipeline's limits, each named in the message a person sees when a file meets it. They sit far
 * above any real file (a full backup of a few hundred profiles is well under 1 MB) and exist so that a huge
 * or hostile file costs bounded time and memory and never stalls the page.
 */

/** A file larger than this is refused unread (bytes, or characters of pasted text). */
export const MAX_FILE_BYTES = 20_000_000;
/** Profiles read from one file; the ones after it are listed together as left out. */
export const MAX_FILE_PROFILES = 10_000;
/**
 * A line of a script or log longer than this is not read. The longest AT set line is under 1 300
 * characters (an SMS of 320 bytes, every byte escaped as `[XX]`), plus a terminal's timestamp.
 */
export const MAX_LINE_CHARS = 4096;
/** Left-out items described one by one in a report; further ones are counted ("and N more"). */
export const MAX_REPORT_ENTRIES = 10_000;
