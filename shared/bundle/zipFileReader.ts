import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** Bytes read from the file at once; the reader keeps two such blocks (the central directory's and the data's). */
const blockBytes = 256 * 1024;

interface Block {
  start: number;
  bytes: Promise<Buffer>;
}

/**
 * A zip file on disk read for yauzl in blocks: yauzl asks for a few dozen bytes at a time (each central-directory
 * record, each local header), one `fs.read` each, which costs more than inflating a small entry. Here small ranges
 * come from two cached 256 KB blocks — one where the central directory is being walked, one where the entries'
 * data is — and a range larger than a block is streamed from the file: memory stays bounded whatever the archive.
 */
export class ZipFileReader extends yauzl.RandomAccessReader {
  private blocks: Block[] = [];

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {
    super();
  }

  private block(start: number): Promise<Buffer> {
    const cached = this.blocks.find((b) => b.start === start);
    if (cached) {
      this.blocks = [cached, ...this.blocks.filter((b) => b !== cached)];
      return cached.bytes;
    }
    const length = Math.min(blockBytes, this.size - start);
    const bytes = new Promise<Buffer>((resolve, reject) => {
      const buffer = Buffer.allocUnsafe(length);
      read(this.fd, buffer, 0, length, start, (error, bytesRead) =>
        error ? reject(error) : resolve(buffer.subarray(0, bytesRead)),
      );
    });
    this.blocks = [{ start, bytes }, ...this.blocks].slice(0, 2);
    return bytes;
  }

  /** Bytes [start, end) from at most two consecutive blocks. */
  private async range(start: number, end: number): Promise<Buffer> {
    const first = start - (start % blockBytes);
    const head = await this.block(first);
    if (end <= first + blockBytes) {
      if (end - first > head.length) throw new Error('unexpected EOF');
      return head.subarray(start - first, end - first);
    }
    const tail = await this.block(first + blockBytes);
    const joined = Buffer.concat([head.subarray(start - first), tail]);
    if (end - start > joined.length) throw new Error('unexpected EOF');
    return joined.subarray(0, end - start);
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end - start > blockBytes) return this.streamFromFile(start, end);
    const range = this.range(start, end);
    return Readable.from(
      (async function* () {
        yield await range;
      })(),
      { objectMode: false },
    );
  }

  /** A large range read block by block as it is consumed (fs.ReadStream would own the shared descriptor). */
  private streamFromFile(start: number, end: number): Readable {
    let position = start;
    const fd = this.fd;
    return new Readable({
      read() {
        const length = Math.min(blockBytes, end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const buffer = Buffer.allocUnsafe(length);
        read(fd, buffer, 0, length, position, (error, bytesRead) => {
          if (error) return this.destroy(error);
          if (bytesRead === 0) return this.destroy(new Error('unexpected EOF'));
          position += bytesRead;
          this.push(buffer.subarray(0, bytesRead));
        });
      },
    });
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ): void {
    if (length > blockBytes) {
      super.read(buffer, offset, length, position, callback);
      return;
    }
    this.range(position, position + length).then(
      (bytes) => {
        bytes.copy(buffer, offset);
        // yauzl reads the byte count FdSlicer passes; a short range has already failed above.
        (callback as (err: Error | null, bytesRead: number) => void)(null, length);
      },
      (error: Error) => callback(error),
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.blocks = [];
    close(this.fd, (error) => callback(error ?? null));
  }
}
