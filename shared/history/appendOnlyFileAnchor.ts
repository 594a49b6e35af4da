import { appendFile, type FileHandle, open, readFile } from 'node:fs/promises';
import { AnchoredHead, type HistoryAnchor } from '../domain/history/historyAnchor.js';

/**
 * The local history anchor: one JSON line per published head, appended to a file opened with 'a' (O_APPEND, so
 * concurrent writers never overwrite each other and nothing here ever rewrites a line). A line that does not parse
 * (a write cut short) is skipped.
 */
export class AppendOnlyFileAnchor implements HistoryAnchor {
  constructor(readonly file: string) {}

  async publish(head: AnchoredHead): Promise<void> {
    const { applicationId, seq, hash } = AnchoredHead.parse(head);
    // After a line cut short, start on a new line so that this head is not glued to the broken one.
    const line = `${(await this.endsMidLine()) ? '\n' : ''}${JSON.stringify({ applicationId, seq, hash })}\n`;
    await appendFile(this.file, line, { flag: 'a' });
  }

  private async endsMidLine(): Promise<boolean> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.file, 'r');
      const { size } = await handle.stat();
      if (size === 0) return false;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    } finally {
      await handle?.close();
    }
  }

  async heads(applicationId: string): Promise<AnchoredHead[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const heads: AnchoredHead[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = AnchoredHead.safeParse(raw);
      if (parsed.success && parsed.data.applicationId === applicationId) heads.push(parsed.data);
    }
    return heads;
  }
}
