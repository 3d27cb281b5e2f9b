// Outbound HTTP to addresses that callers chose (webhook URLs): the one place that decides
// where the service may connect. A URL is checked when it is registered and again at every
// delivery, on the address DNS actually returned, inside the connection's own lookup, so a
// name that resolves to a public address at registration and to 169.254.169.254 later (DNS
// rebinding) is refused at connect time. Answers are bounded in time and size.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { OutboundRefused } from '../errors.js';

export { OutboundRefused };

export interface OutboundPolicy {
  /** allow loopback hosts (over http too): local and self-hosted runs, where the receiver is on the same machine */
  allowLoopback: boolean;
}

export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'reserved';

/** Named ranges, checked in order; an address in none of them is public. Each with an example. */
const RANGES: ReadonlyArray<{
  class: Exclude<AddressClass, 'public'>;
  family: 'ipv4' | 'ipv6';
  net: string;
  prefix: number;
  example: string;
}> = [
  // Cloud metadata services first: they are also link-local, and the more specific name helps the reader.
  {
    class: 'metadata',
    family: 'ipv4',
    net: '169.254.169.254',
    prefix: 32,
    example: '169.254.169.254 (AWS, GCP, Azure instance metadata)',
  },
  { class: 'metadata', family: 'ipv4', net: '169.254.170.2', prefix: 32, example: '169.254.170.2 (ECS task metadata)' },
  {
    class: 'metadata',
    family: 'ipv6',
    net: 'fd00:ec2::254',
    prefix: 128,
    example: 'fd00:ec2::254 (EC2 metadata over IPv6)',
  },
  { class: 'loopback', family: 'ipv4', net: '127.0.0.0', prefix: 8, example: '127.0.0.1' },
  { class: 'loopback', family: 'ipv6', net: '::1', prefix: 128, example: '::1' },
  { class: 'private', family: 'ipv4', net: '10.0.0.0', prefix: 8, example: '10.1.2.3' },
  { class: 'private', family: 'ipv4', net: '172.16.0.0', prefix: 12, example: '172.20.0.5' },
  { class: 'private', family: 'ipv4', net: '192.168.0.0', prefix: 16, example: '192.168.1.10' },
  { class: 'private', family: 'ipv4', net: '100.64.0.0', prefix: 10, example: '100.64.0.1 (carrier-grade NAT)' },
  { class: 'private', family: 'ipv6', net: 'fc00::', prefix: 7, example: 'fd12:3456::1 (unique local)' },
  { class: 'link-local', family: 'ipv4', net: '169.254.0.0', prefix: 16, example: '169.254.10.20' },
  { class: 'link-local', family: 'ipv6', net: 'fe80::', prefix: 10, example: 'fe80::1' },
  { class: 'reserved', family: 'ipv4', net: '0.0.0.0', prefix: 8, example: '0.0.0.0 ("this host")' },
  { class: 'reserved', family: 'ipv4', net: '192.0.0.0', prefix: 24, example: '192.0.0.8 (IETF protocol assignments)' },
  { class: 'reserved', family: 'ipv4', net: '198.18.0.0', prefix: 15, example: '198.18.0.1 (benchmarking)' },
  { class: 'reserved', family: 'ipv4', net: '224.0.0.0', prefix: 3, example: '224.0.0.1 (multicast and above)' },
  { class: 'reserved', family: 'ipv6', net: '::', prefix: 128, example: ':: (unspecified)' },
  { class: 'reserved', family: 'ipv6', net: 'ff00::', prefix: 8, example: 'ff02::1 (multicast)' },
  {
    class: 'reserved',
    family: 'ipv6',
    net: '64:ff9b::',
    prefix: 96,
    example: '64:ff9b::a00:1 (NAT64 of an IPv4 address)',
  },
];

const lists = RANGES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.net, r.prefix, r.family);
  return { ...r, list };
});

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped) {
    const n = (parseInt(hexMapped[1]!, 16) << 16) | parseInt(hexMapped[2]!, 16);
    return { address: [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), family: 'ipv4' };
  }
  return { address: bare, family: isIP(bare) === 4 ? 'ipv4' : 'ipv6' };
}

export function classifyAddress(address: string): AddressClass {
  const { address: ip, family } = unmapped(address);
  for (const r of lists) if (r.family === family && r.list.check(ip, family)) return r.class;
  return 'public';
}

/** Why connecting to this address is refused under the policy, or undefined when it is allowed. */
export function refusalFor(address: string, policy: OutboundPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public') return undefined;
  if (kind === 'loopback' && policy.allowLoopback) return undefined;
  return `${address} is a ${kind} address; webhooks may only reach public addresses${policy.allowLoopback ? ' (or loopback)' : ''}`;
}

const isLoopbackName = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost');

/**
 * The URL as the service will call it, or the reason it may not: https only (http only to
 * loopback, where the policy allows loopback), no credentials in it, and no address literal
 * or name that is not public. Names are resolved only at delivery time (see postJson).
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): { url: URL } | { reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'is not an absolute URL' };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = isLoopbackName(host) || (isIP(host) !== 0 && classifyAddress(host) === 'loopback');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && policy.allowLoopback)) {
    return {
      reason: policy.allowLoopback
        ? 'must use https (http only to loopback: localhost, 127.0.0.1, ::1)'
        : 'must use https',
    };
  }
  if (url.username || url.password) return { reason: 'must not carry a user name or password' };
  if (isLoopbackName(host) && !policy.allowLoopback)
    return { reason: `${host} is a loopback name; webhooks may only reach public addresses` };
  if (isIP(host) !== 0) {
    const refused = refusalFor(host, policy);
    if (refused) return { reason: refused };
  }
  return { url };
}

export interface OutboundLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

/** dns.lookup's shape with `all: true`: replaceable in tests, to give a name the address an attacker would. */
export type Resolver = (
  hostname: string,
  options: { all: true } & Record<string, unknown>,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, options, callback);

export interface OutboundResponse {
  status: number;
  /** the start of the answer's body (at most maxResponseBytes), for error reports */
  body: string;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup with every returned address checked; one refused address refuses the name. */
export function checkedLookup(policy: OutboundPolicy, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean } & Record<string, unknown>, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, options.all ? [] : '', 0);
      const list = addresses;
      for (const a of list) {
        const refused = refusalFor(a.address, policy);
        if (refused)
          return callback(
            Object.assign(new OutboundRefused(`${hostname} resolves to ${refused}`), { code: 'EREFUSED_ADDRESS' }),
            options.all ? [] : '',
            0,
          );
      }
      if (list.length === 0)
        return callback(
          Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
          options.all ? [] : '',
          0,
        );
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POST a JSON body to a checked URL. Resolves with the status and the start of the answer;
 * rejects with OutboundRefused (policy) or an Error (no answer in time, connection failed).
 */
export function postJson(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  policy: OutboundPolicy,
  limits: OutboundLimits,
  resolver?: Resolver,
): Promise<OutboundResponse> {
  const checked = checkOutboundUrl(rawUrl, policy);
  if ('reason' in checked) return Promise.reject(new OutboundRefused(`${rawUrl} ${checked.reason}`));
  const { url } = checked;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'factcheck-webhooks/1',
        ...headers,
      },
      lookup: checkedLookup(policy, resolver) as never,
      // Redirects are never followed (node:http does not): a 3xx is an answer like any other non-2xx.
    });
    // One deadline for the whole exchange (connect, send, answer), not per socket event.
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
    req.on('error', (e) => finish(() => reject(e)));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('data', (chunk: Buffer) => {
        const room = limits.maxResponseBytes - size;
        if (room > 0) chunks.push(chunk.subarray(0, room));
        size += chunk.length;
        // Enough read: the status is what counts; stop the download instead of buffering it.
        if (size >= limits.maxResponseBytes) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', (e) => finish(() => reject(e)));
      res.on('close', done);
    });
    req.end(body);
  });
}
