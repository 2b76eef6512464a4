// The activity log's columns as a browser chooses them; read by the page (on the server) and the table.

/** names the cookie that keeps the columns a browser hides (see components/data-table/hidden-columns.ts) */
export const ACTIVITY_COLUMNS_TABLE = 'activity'

/** Every column shows at first: the log fits a 1280-pixel screen with its Details cut to a line. */
export const ACTIVITY_COLUMNS_HIDDEN_BY_DEFAULT: readonly string[] = []
