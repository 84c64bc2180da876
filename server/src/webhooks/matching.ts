/** Whether an endpoint listening to `enabledEvents` wants an event of `type`. */
export function endpointWants(enabledEvents: readonly string[], type: string): boolean {
  return enabledEvents.includes('*') || enabledEvents.includes(type);
}
