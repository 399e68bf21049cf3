/** Where a handoff to a person goes. `callback`: the staff's callback queue (default). `agentHub`: a Bot Framework `handoff.initiate` event to an agent hub. */
export type HandoffMode = 'callback' | 'agentHub';
