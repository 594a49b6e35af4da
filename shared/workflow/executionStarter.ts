/** Starts a state-machine execution under a given name; `exists` when that name was already used (no new run). */
export interface ExecutionStarter {
  start(name: string, input: Record<string, unknown>): Promise<'started' | 'exists'>;
}
