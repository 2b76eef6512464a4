// The target list's columns as a browser chooses them; read by the page (on the server) and the table.

/** names the cookie that keeps the columns a browser hides (see components/data-table/hidden-columns.ts) */
export const TARGET_COLUMNS_TABLE = 'targets'

/**
 * Shown when asked for (Columns): SSMS's own columns and the clock skew stay, and the list fits a 1280-pixel
 * screen without scrolling sideways. A target's page shows both.
 */
export const TARGET_COLUMNS_HIDDEN_BY_DEFAULT: readonly string[] = ['agentVersion', 'groups']
