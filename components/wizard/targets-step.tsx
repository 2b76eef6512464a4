// Step 3: the target servers to enlist: pending requests chosen with the two lists, and a token with the exact
// enlist command (and the doctor command to run first) for targets that have not asked yet.
import type { Ability } from '@/components/auth/ability'
import type { EnlistHints } from '@/components/targets/enlist-command'
import { EnlistSteps } from '@/components/targets/enlist-steps'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { RequestPicker } from './request-picker'

export function TargetsStep({ hints, choose, tokens }: { hints: EnlistHints; choose: Ability; tokens: Ability }) {
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Pending enlistment requests</CardTitle>
          <CardDescription>
            Agents that asked to enlist without a token. Move those to enlist to Selected target servers: the next step
            checks each of them, and Complete enlists those that pass.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RequestPicker ability={choose} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Enlist with a token</CardTitle>
          <CardDescription>
            A target enlisted with a token is enlisted at once, as soon as its agent runs the command; it is listed on
            Manage Target Servers, not here.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="space-y-6">
            <EnlistSteps hints={hints} tokens={tokens} />
          </ol>
        </CardContent>
      </Card>
    </div>
  )
}
