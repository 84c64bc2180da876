import { expect } from '@open-wc/testing';
import { createResource } from './resource.js';

/** A fetcher whose answers the test releases one by one, in any order. */
function controlledFetcher() {
  const pending: { resolve: (value: string) => void; signal: AbortSignal }[] = [];
  const fetcher = (signal: AbortSignal) =>
    new Promise<string>((resolve) => pending.push({ resolve, signal }));
  return { fetcher, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createResource', () => {
  it('a load answered before an action does not overwrite what the action set; it is asked again', async () => {
    const { fetcher, pending } = controlledFetcher();
    const resource = createResource(fetcher);
    const first = resource.load();
    pending[0]!.resolve('loaded');
    await first;
    // A reload goes out (after a change), then an action answers with newer data.
    void resource.load(true);
    resource.set('after the action');
    expect(resource.$state.get().data).to.equal('after the action');
    // The stale reload was abandoned and a fresh one sent.
    expect(pending).to.have.length(3);
    expect(pending[1]!.signal.aborted).to.equal(true);
    pending[1]!.resolve('stale, read before the action');
    await tick();
    expect(resource.$state.get().data).to.equal('after the action');
    pending[2]!.resolve('fresh');
    await tick();
    expect(resource.$state.get()).to.deep.equal({ status: 'ready', data: 'fresh', error: undefined });
  });

  it('set with no load in flight asks for nothing', async () => {
    const { fetcher, pending } = controlledFetcher();
    const resource = createResource(fetcher);
    const first = resource.load();
    pending[0]!.resolve('loaded');
    await first;
    resource.set('after the action');
    expect(pending).to.have.length(1);
    expect(resource.$state.get().data).to.equal('after the action');
  });

  it('the newer of two loads wins', async () => {
    const { fetcher, pending } = controlledFetcher();
    const resource = createResource(fetcher);
    void resource.load();
    void resource.load(true);
    pending[1]!.resolve('newer');
    await tick();
    pending[0]!.resolve('older');
    await tick();
    expect(resource.$state.get().data).to.equal('newer');
  });
});
