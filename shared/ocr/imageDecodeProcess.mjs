// The child process that decodes untrusted page images (imageDecoder.ts starts it). A native decoder that crashes on
// a hostile file (Skia segfaults on a JPEG cut inside its tables) or runs out of memory ends this process only: a
// worker thread would take the whole process down with it. Plain JavaScript, no TypeScript loader.
import { decodeImage } from './imageDecoding.mjs';

process.on('message', async ({ id, job }) => {
  try {
    const image = await decodeImage(job.bytes, job.limits);
    process.send({ id, ok: true, result: image });
  } catch (error) {
    const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    process.send({ id, ok: false, message: message.slice(0, 300) });
  }
});
// The parent went away (it ended, or closed the decoder): nothing left to do.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
