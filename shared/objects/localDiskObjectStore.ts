import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertSafeKey } from './objectKeys.js';
import { type ObjectInfo, ObjectNotFound, type ObjectStore, type PutOptions, type PutResult } from './objectStore.js';

interface Sidecar {
  sha256: string;
  contentType?: string;
  metadata: Record<string, string>;
}

/**
 * The object store on the local disk (the local runtime, tests): `<root>/objects/<key>` holds the bytes,
 * `<root>/meta/<key>.json` their sha256, content type and metadata. Keys are checked (no `..`, absolute paths or
 * backslashes) and the resolved path must stay under the root. One version per key: the version id is the content's
 * sha256, so the same bytes put again are the same version. Writes go to a temporary file renamed into place.
 */
export class LocalDiskObjectStore implements ObjectStore {
  readonly kind = 'local' as const;
  private readonly objects: string;
  private readonly meta: string;

  constructor(
    readonly root: string,
    readonly bucket = 'local',
  ) {
    this.objects = path.resolve(root, 'objects');
    this.meta = path.resolve(root, 'meta');
  }

  /** The file that holds the object's bytes (e.g. for a reader that wants a path). */
  pathOf(key: string): string {
    return this.inside(this.objects, assertSafeKey(key));
  }

  private inside(base: string, relative: string): string {
    const resolved = path.resolve(base, ...relative.split('/'));
    if (!resolved.startsWith(base + path.sep)) throw new Error(`object key escapes the store root: ${relative}`);
    return resolved;
  }

  private sidecarOf(key: string): string {
    return this.inside(this.meta, `${assertSafeKey(key)}.json`);
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<PutResult> {
    const file = this.pathOf(key);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const sidecar: Sidecar = {
      sha256,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      metadata: { ...options.metadata, sha256 },
    };
    await writeAtomically(file, bytes);
    await writeAtomically(this.sidecarOf(key), Buffer.from(JSON.stringify(sidecar)));
    return { key, sha256, versionId: sha256 };
  }

  private async current(key: string, versionId: string | undefined): Promise<ObjectInfo> {
    const info = await this.head(key);
    if (!info || (versionId !== undefined && info.versionId !== versionId))
      throw new ObjectNotFound(`no object ${key}${versionId ? ` version ${versionId}` : ''}`);
    return info;
  }

  async get(key: string, versionId?: string): Promise<Uint8Array> {
    await this.current(key, versionId);
    return readFile(this.pathOf(key));
  }

  async getStream(key: string, versionId?: string): Promise<Readable> {
    await this.current(key, versionId);
    return createReadStream(this.pathOf(key));
  }

  async head(key: string, versionId?: string): Promise<ObjectInfo | undefined> {
    const file = this.pathOf(key);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!info.isFile()) return undefined;
    const sidecar = await this.readSidecar(key, file);
    if (versionId !== undefined && versionId !== sidecar.sha256) return undefined;
    return {
      key,
      size: info.size,
      lastModified: info.mtime,
      versionId: sidecar.sha256,
      metadata: { ...sidecar.metadata, sha256: sidecar.sha256 },
    };
  }

  /** A file placed in the folder by hand has no sidecar: its hash is computed (and the sidecar left unwritten). */
  private async readSidecar(key: string, file: string): Promise<Sidecar> {
    try {
      const sidecar = JSON.parse(await readFile(this.sidecarOf(key), 'utf8')) as Sidecar;
      return sidecar;
    } catch {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      return { sha256: hash.digest('hex'), metadata: {} };
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const keys: string[] = [];
    const walk = async (dir: string, keyPrefix: string) => {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const name of names) {
        if (name.startsWith('.tmp-')) continue;
        const key = `${keyPrefix}${name}`;
        // Only descend where the prefix can still match.
        if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`)) continue;
        const full = path.join(dir, name);
        const s = await stat(full);
        if (s.isDirectory()) await walk(full, `${key}/`);
        else if (key.startsWith(prefix)) keys.push(key);
      }
    };
    await walk(this.objects, '');
    keys.sort();
    const infos: ObjectInfo[] = [];
    for (const key of keys) {
      const info = await this.head(key);
      if (info) infos.push(info);
    }
    return infos;
  }

  /** Removes the whole store (tests). */
  async destroy(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.tmp-${randomUUID()}`);
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}
