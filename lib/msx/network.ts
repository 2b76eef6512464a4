// The network the multiserver configuration needs, as one rule a firewall team can apply.

/** Agents only connect out to the gateway, so this one rule is all a network team opens. */
export function firewallRule(masterName: string, gatewayPort: number, dashboardPort: number): string {
  return `Allow TCP ${gatewayPort} from the target servers to ${masterName}. The master never connects to targets. Port ${dashboardPort} is for browsers only.`
}
