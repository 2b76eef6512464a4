// Sentences of the multiserver configuration the browser and the CLI show: renaming a target, dismantling, Defect all.
// No server-only import: the browser and the CLI read it.

export const DISMANTLE_EFFECT =
  'Dismantling the multiserver configuration revokes every enlistment token, rejects the waiting enlistment ' +
  'requests, and deletes the MSXOperator and the mail server and webhook secrets. Job history and the activity log ' +
  'are kept. New enlistments are refused until it is made a master server again in the Master Server Wizard.'

/** What Defect all does, for "3 target servers". */
export const defectAllEffect = (count: string) =>
  `DEFECT is posted to ${count}. At its next poll each agent deletes the jobs it downloaded from this master and ` +
  'stops; each target leaves the list as its agent does so. Agents that are offline leave when they next poll, or ' +
  'use Force Defection for them.'

/** How a target server is renamed: there is no control that renames an enlisted target. */
export const RENAME_RULE = 'A target server is renamed by defecting it, renaming the server, and enlisting it again.'
