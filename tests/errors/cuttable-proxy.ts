import net from 'node:net';

/**
 * A TCP proxy between one subgraph and its PostgreSQL that a test can cut and restore: the database "stops" for that
 * subgraph only, while the shared test server keeps serving every other suite.
 */
export class CuttableProxy {
  private readonly server: net.Server;
  private readonly open = new Set<net.Socket>();
  private cut = false;

  private constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      // While cut, a connection is accepted and dropped at once, as a stopped server's port would refuse it.
      if (this.cut) return void client.destroy();
      const upstream = net.connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        this.open.add(socket);
        socket.on('close', () => this.open.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  /** Starts a proxy for a postgres:// url; returns it with the url to hand to the subgraph instead. */
  static async inFrontOf(url: string): Promise<{ proxy: CuttableProxy; url: string }> {
    const target = new URL(url);
    const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String((proxy.server.address() as net.AddressInfo).port);
    return { proxy, url: proxied.toString() };
  }

  /** Drops every open connection (statements in flight included) and refuses new ones. */
  cutOff(): void {
    this.cut = true;
    for (const socket of this.open) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    this.cutOff();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
