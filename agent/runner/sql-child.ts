// The SQL step's process when the agent runs from its sources (the bundle runs the same with __sql-step).
import { runSqlChild } from './sql-child-run'

runSqlChild()
