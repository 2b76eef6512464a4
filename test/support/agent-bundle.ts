// The agent bundle (dist/agent) for tests that run it or package it: built when a source is newer (< 1 s).
// @ts-expect-error a build script in plain JavaScript
import { agentBundleIsStale, buildAgent } from '../../scripts/build-agent.mjs'

export async function agentBundle(): Promise<void> {
  if (agentBundleIsStale()) await buildAgent()
}
