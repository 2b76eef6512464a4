// Step 2: the MSXOperator and the mail server it is reached through, with Send test notification: the very
// cards Settings shows, so there is one way to set them.
import type { Ability } from '@/components/auth/ability'
import { MailServerCard, OperatorCard } from '@/components/operator/operator-cards'
import type { MailServerView, OperatorView } from '@/lib/msx/operator'

export function OperatorStep({
  operator,
  mail,
  edit,
}: {
  operator: OperatorView | null
  mail: MailServerView | null
  edit: Ability
}) {
  return (
    <div className="grid gap-6">
      <p className="max-w-3xl text-sm text-muted-foreground">
        {operator
          ? `The MSXOperator ${operator.name} exists already: change it here or keep it. `
          : 'Multiserver jobs notify one operator only, the MSXOperator. Give it at least one way to be reached. '}
        The mail server is needed for e-mail and pager e-mail; a webhook needs none.
      </p>
      <OperatorCard operator={operator} edit={edit} />
      <MailServerCard mail={mail} edit={edit} />
    </div>
  )
}
