// The one shape of the answers given before GraphQL runs, whichever adapter sends them.
import { describe, expect, it } from 'vitest';
import { httpRefusal, payloadTooLarge } from '../../lib/http/refusal.js';

describe('payloadTooLarge', () => {
  it('names the size and the limit when the size is known', () => {
    const refusal = payloadTooLarge(2_097_152, 3_000_000);
    expect(refusal.status).toBe(413);
    expect(refusal.headers['content-type']).toBe('application/json');
    expect(JSON.parse(refusal.body)).toEqual({
      errors: [
        { message: 'Request body is 3000000 bytes; the limit is 2097152.', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('names the limit alone for a chunked body cut off at the limit', () => {
    expect(JSON.parse(payloadTooLarge(1024).body).errors[0].message).toBe('Request body is over the 1024-byte limit.');
  });
});

it('httpRefusal answers in the shape of a GraphQL error response', () => {
  const refusal = httpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST a JSON body.');
  expect(refusal.status).toBe(415);
  expect(JSON.parse(refusal.body).errors[0]).toEqual({
    message: 'POST a JSON body.',
    extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  });
});
