/**
 * Headless Chromium for tests, driven over the DevTools protocol on a pipe (no extra package):
 * open a page, collect what it logs, evaluate script, take screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The browser: $CHROMIUM, else Debian's chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '';

/** What a page said while loading and running: console messages, exceptions, network requests. */
export interface PageLog {
  console: Array<{ type: string; text: string }>;
  exceptions: string[];
  requests: string[];
  failed: string[];
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(m: Message) => void> = [];
  private buffer = '';

  private constructor(private readonly proc: ChildProcess, private readonly profile: string) {
    const out = proc.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const msg = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        if (msg.id !== undefined && this.pending.has(msg.id)) {
          const p = this.pending.get(msg.id)!;
          this.pending.delete(msg.id);
          if (msg.error) p.reject(new Error(msg.error.message));
          else p.resolve(msg.result ?? {});
        } else for (const l of this.listeners) l(msg);
      }
    });
  }

  /** Starts the browser. */
  static async launch(): Promise<Browser> {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'ziping-chromium-'));
    const proc = spawn(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-pipe', '--no-first-run', '--no-default-browser-check',
      '--hide-scrollbars', '--mute-audio', '--disable-extensions', '--disable-background-networking', `--user-data-dir=${profile}`, 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
    const b = new Browser(proc, profile);
    await b.send('Browser.getVersion');
    return b;
  }

  /** Sends a protocol command (to a page's session when given). */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const p = new Promise<Record<string, unknown>>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    (this.proc.stdio[3] as Writable).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return p;
  }

  /** Opens `url` in a new page of `width`×`height`, waits for it to load; returns the page. */
  async open(url: string, width = 1200, height = 900): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const log: PageLog = { console: [], exceptions: [], requests: [], failed: [] };
    let loaded!: () => void;
    const load = new Promise<void>((r) => (loaded = r));
    this.listeners.push((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params ?? {};
      if (m.method === 'Runtime.consoleAPICalled') log.console.push({ type: String(p.type), text: ((p.args as Array<{ value?: unknown; description?: string }>) ?? []).map((a) => String(a.value ?? a.description)).join(' ') });
      else if (m.method === 'Runtime.exceptionThrown') log.exceptions.push(JSON.stringify((p.exceptionDetails as Record<string, unknown>) ?? p));
      else if (m.method === 'Log.entryAdded') {
        const e = p.entry as { level: string; text: string };
        log.console.push({ type: e.level, text: e.text });
      } else if (m.method === 'Network.requestWillBeSent') log.requests.push(String((p.request as { url: string }).url));
      else if (m.method === 'Network.loadingFailed') log.failed.push(String(p.errorText));
      else if (m.method === 'Page.loadEventFired') loaded();
    });
    for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    await load;
    return new Page(this, sessionId, log);
  }

  /**
   * Stops the browser and its helper processes (one process group), then removes its profile.
   * A profile that cannot be removed is left in the temporary folder: that is no test's failure.
   */
  async close(): Promise<void> {
    const exited = this.proc.exitCode !== null ? Promise.resolve() : new Promise((r) => this.proc.once('exit', r));
    await Promise.race([this.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    try {
      if (this.proc.pid !== undefined) process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // the group has already gone
    }
    await exited;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

export class Page {
  constructor(private readonly browser: Browser, private readonly session: string, readonly log: PageLog) {}

  /** Evaluates an expression in the page; returns its value (JSON-able). */
  async eval<T>(expression: string): Promise<T> {
    const r = (await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.session)) as { result: { value: T }; exceptionDetails?: unknown };
    if (r.exceptionDetails) throw new Error(`page script failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  }

  /** A PNG of a region of the page (CSS pixels, page coordinates), or of the whole page. */
  async screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
    const r = (await this.browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, ...(clip ? { clip: { ...clip, scale: 1 } } : {}) }, this.session)) as { data: string };
    return Buffer.from(r.data, 'base64');
  }
}
