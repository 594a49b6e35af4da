import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskObjectStore } from '../../shared/objects/localDiskObjectStore.js';
import { ObjectNotFound, UnsafeObjectKey } from '../../shared/objects/objectStore.js';
import { putIfChanged } from '../../shared/objects/putIfChanged.js';

let store: LocalDiskObjectStore;

beforeEach(async () => {
  store = new LocalDiskObjectStore(await mkdtemp(path.join(tmpdir(), 'objects-')));
});
afterEach(async () => store.destroy());

describe('LocalDiskObjectStore', () => {
  it('stores bytes with their sha256 as version and metadata, and reads them back', async () => {
    const put = await store.put('incoming/unit-1/申报材料.zip', Buffer.from('字节'), {
      metadata: { 'unit-name': 'x' },
    });
    expect(put.versionId).toBe(put.sha256);
    expect(Buffer.from(await store.get('incoming/unit-1/申报材料.zip')).toString()).toBe('字节');
    const info = await store.head('incoming/unit-1/申报材料.zip');
    expect(info?.metadata).toEqual({ 'unit-name': 'x', sha256: put.sha256 });
    expect(info?.size).toBe(Buffer.byteLength('字节'));
    expect(await store.head('incoming/unit-1/申报材料.zip', 'other')).toBeUndefined();
    await expect(store.get('incoming/unit-1/申报材料.zip', 'other')).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it('streams the content', async () => {
    await store.put('a/b.bin', Buffer.alloc(100_000, 7));
    let total = 0;
    for await (const chunk of await store.getStream('a/b.bin')) total += (chunk as Buffer).length;
    expect(total).toBe(100_000);
  });

  it('lists by prefix, sorted, without metadata files or directories', async () => {
    for (const key of ['derived/b2/x.json', 'derived/b1/z.json', 'derived/b1/a/y.json', 'reports/b1/report.json'])
      await store.put(key, key);
    expect((await store.list('derived/b1/')).map((o) => o.key)).toEqual(['derived/b1/a/y.json', 'derived/b1/z.json']);
    expect((await store.list('derived/')).map((o) => o.key)).toHaveLength(3);
    expect(await store.list('nothing/')).toEqual([]);
  });

  it('refuses keys that would leave the root or are not plain paths', async () => {
    for (const key of ['../escape', 'a/../../b', '/etc/passwd', 'a\\b', 'a//b', './a', 'a/\u0000b', ''])
      await expect(store.put(key, 'x'), key).rejects.toBeInstanceOf(UnsafeObjectKey);
    await expect(store.head('../x')).rejects.toBeInstanceOf(UnsafeObjectKey);
  });

  it('returns undefined from head for a missing object and ObjectNotFound from get', async () => {
    expect(await store.head('missing/key')).toBeUndefined();
    await expect(store.get('missing/key')).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it('hashes a file placed in the folder by hand', async () => {
    const file = path.join(store.root, 'objects', 'incoming', 'u', 'dropped.zip');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'abc');
    const info = await store.head('incoming/u/dropped.zip');
    expect(info?.metadata.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('putIfChanged writes once for the same bytes and again for new bytes', async () => {
    expect((await putIfChanged(store, 'k/v.json', '{"a":1}')).written).toBe(true);
    expect((await putIfChanged(store, 'k/v.json', '{"a":1}')).written).toBe(false);
    expect((await putIfChanged(store, 'k/v.json', '{"a":2}')).written).toBe(true);
  });
});
