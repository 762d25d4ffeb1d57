/**
 * Tells listeners what happened to queued responses, in this page and in the origin's other pages.
 * Whichever tab holds the flush lock does the sending, so the tab where a citizen pressed "Gửi"
 * may not be the one that hears the server's answer; a BroadcastChannel carries the news over.
 */

export class Announcer<Payload> {
  private readonly listeners = new Set<(event: Payload) => void>();
  private readonly channel: BroadcastChannel | undefined;
  /** A closed channel throws on postMessage; a delivery finishing after close() must not. */
  private closed = false;

  constructor(channelName: string) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;
    this.channel?.addEventListener('message', (message: MessageEvent<Payload>) => this.tell(message.data));
  }

  subscribe(listener: (event: Payload) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells this page's listeners and every other page's (events must be plain data). */
  announce(event: Payload): void {
    if (this.closed) return;
    this.tell(event);
    this.channel?.postMessage(event);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.channel?.close();
  }

  private tell(event: Payload): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not keep the news from the others or break delivery.
        console.error(error);
      }
    }
  }
}
