/**
 * Produce requests in flight, by id: what a Map<number, request> did, for the only way the engine
 * fills it. Ids are handed out in increasing order (World.nextRequestId) and a request is added
 * when its id is made, so the table is an array indexed by id - base: a lookup is an array read,
 * not a hash (a Map added, looked up twice and deleted an entry per produce request, and rebuilt
 * its table every so often for the deleted ones).
 *
 * Invariants: ids are added in increasing order; slot i holds the request of id base + i or
 * undefined once it was deleted; `head` is the first slot that may still hold one (every slot
 * before it is empty); iteration is in id order, which is the order they were added in, as a
 * Map's would be.
 */
export class InFlightRequests<R extends { readonly id: number }> {
  private slots: (R | undefined)[] = [];
  /** Id of slot 0. */
  private base = 0;
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(id: number): R | undefined {
    const i = id - this.base;
    return i >= this.head && i < this.slots.length ? this.slots[i] : undefined;
  }

  /** Adds a request whose id is larger than every id added before. */
  add(request: R): void {
    const slots = this.slots;
    if (this.count === 0) {
      // Empty: start over at this id (no slot to keep, however far the ids jumped).
      slots.length = 0;
      this.base = request.id;
      this.head = 0;
    } else if (request.id < this.base + slots.length) throw new Error(`InFlightRequests: id ${request.id} added after ${this.base + slots.length - 1}`);
    // Ids skipped (made but never added) get empty slots.
    while (this.base + slots.length < request.id) slots.push(undefined);
    slots.push(request);
    this.count++;
  }

  delete(id: number): boolean {
    const i = id - this.base;
    const slots = this.slots;
    if (i < this.head || i >= slots.length || slots[i] === undefined) return false;
    slots[i] = undefined;
    this.count--;
    if (i === this.head) {
      let head = i + 1;
      while (head < slots.length && slots[head] === undefined) head++;
      this.head = head;
      // Drop the empty front now and then (not on every delete: a splice moves every slot).
      if (head > 1024 && head * 2 > slots.length) {
        slots.splice(0, head);
        this.base += head;
        this.head = 0;
      }
    }
    return true;
  }

  /** The requests in flight, in id order (a copy: callers may delete while they go through it). */
  list(): R[] {
    const out: R[] = [];
    for (let i = this.head; i < this.slots.length; i++) {
      const r = this.slots[i];
      if (r !== undefined) out.push(r);
    }
    return out;
  }
}
