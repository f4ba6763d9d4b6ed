import type { Readable } from 'node:stream';

// Reading a registry's answer off the node stream, with the limits every answer gets whatever
// reads it: a web stream for a fetch Response (limitedBody) or the text at once (readAnswerText).

/** Above any connector's own maxBytes setting (those are capped at 50 MB). */
export const HARD_MAX_BYTES = 50 * 1024 * 1024;

/** A body past its limit: the stream was destroyed (socket closed) as soon as it passed. */
export class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Response larger than ${limit} bytes`);
    this.name = 'ResponseTooLarge';
  }
}

const prematureClose = () => Object.assign(new Error('Response closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });

/**
 * The response body as one web stream fed straight by the node stream, stopped at HARD_MAX_BYTES
 * however it is framed or compressed (a connector's own, lower limit applies first): past the
 * limit the body errors and the node stream is destroyed (socket closed, nothing more read or
 * kept). A body that closes before its end is an error, never a short answer. Backpressure: the
 * node stream is paused while the reader has not asked for more.
 *
 * One ReadableStream per response, where Readable.toWeb piped through a TransformStream made three
 * streams and a pipe (each web stream costs an allocation-heavy setup on node 20): on a sync's
 * tens of thousands of small answers that was a large share of the client's CPU.
 */
export function limitedBody(source: Readable, maxBytes = HARD_MAX_BYTES): ReadableStream<Uint8Array> {
  let size = 0;
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (e: Error) => {
          if (settled) return;
          settled = true;
          controller.error(e);
          source.destroy();
        };
        source.on('data', (chunk: Buffer) => {
          if (settled) return;
          size += chunk.byteLength;
          if (size > maxBytes) return fail(new ResponseTooLarge(maxBytes));
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        source.once('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        source.once('error', fail);
        // 'close' without 'end' (and without an error): the peer went away mid-body. Checked before
        // the error is made (capturing a stack on every normal close was a measurable cost).
        source.once('close', () => {
          if (!settled) fail(prematureClose());
        });
      },
      pull() {
        source.resume();
      },
      cancel() {
        settled = true;
        source.destroy();
      },
      // Up to 64 KiB waits for the reader before the node stream is paused.
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/**
 * The whole body as text (UTF-8, a leading BOM dropped, as Response.text() reads it), stopped as
 * soon as it passes `maxBytes` (never more than HARD_MAX_BYTES): ResponseTooLarge, and the stream
 * destroyed. A body that closes before its end is an error, never a short answer.
 */
export function readAnswerText(body: Readable | null, maxBytes: number): Promise<string> {
  if (!body) return Promise.resolve('');
  const limit = Math.min(maxBytes, HARD_MAX_BYTES);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      body.destroy();
      reject(e);
    };
    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.byteLength;
      if (size > limit) return fail(new ResponseTooLarge(limit));
      chunks.push(chunk);
    });
    body.once('end', () => {
      if (settled) return;
      settled = true;
      const text = Buffer.concat(chunks, size).toString('utf8');
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
    body.once('error', fail);
    body.once('close', () => {
      if (!settled) fail(prematureClose());
    });
  });
}
