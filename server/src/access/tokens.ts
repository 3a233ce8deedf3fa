// API tokens: parsed from API_TOKENS ("name:role:token,…"), looked up in constant time, and the rule that a
// server listening beyond loopback must have them.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ROLES, type Principal, type Role } from './index.ts';

/** One configured token. */
export interface ApiToken {
  name: string;
  role: Role;
  token: string;
}

/** Shortest token accepted: long enough that guessing is hopeless, even without the rate limit. */
export const TOKEN_MIN_LENGTH = 16;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const TOKEN = /^[\x21-\x7e]+$/;

/**
 * Parses API_TOKENS: comma-separated `name:role:token` entries (role `reader` or `editor`; the token is the rest,
 * at least 16 printable characters, no commas). Throws one line naming the entry (never its token) when one is
 * malformed, or when a name or token appears twice. Empty or unset: no tokens.
 */
export function parseApiTokens(raw: string | undefined): ApiToken[] {
  if (!raw || raw.trim() === '') return [];
  const out: ApiToken[] = [];
  const entries = raw.split(',').map((e) => e.trim());
  entries.forEach((entry, i) => {
    const where = `API_TOKENS entry ${i + 1}`;
    if (entry === '') throw new Error(`${where} is empty (entries are "name:role:token", comma-separated)`);
    const first = entry.indexOf(':');
    const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
    if (second < 0) throw new Error(`${where} is not "name:role:token"`);
    const name = entry.slice(0, first);
    const role = entry.slice(first + 1, second);
    const token = entry.slice(second + 1);
    if (!NAME.test(name)) {
      throw new Error(`${where}: the name must be 1 to 64 letters, digits, ".", "_", "@" or "-"`);
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`${where} (${name}): the role must be ${ROLES.join(' or ')}, not "${role}"`);
    }
    if (token.length < TOKEN_MIN_LENGTH || !TOKEN.test(token)) {
      throw new Error(
        `${where} (${name}): the token must be at least ${TOKEN_MIN_LENGTH} printable characters without spaces`,
      );
    }
    if (out.some((t) => t.name === name)) throw new Error(`${where}: the name "${name}" is used twice`);
    if (out.some((t) => t.token === token)) throw new Error(`${where} (${name}): its token is used twice`);
    out.push({ name, role: role as Role, token });
  });
  return out;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Looks tokens up in constant time. */
export interface TokenStore {
  /** How many tokens are configured (0: open mode). */
  readonly size: number;
  /** The principal a presented token stands for, or null. */
  identify(presented: string): Principal | null;
}

/**
 * A TokenStore over the configured tokens. Every lookup compares SHA-256 digests of equal length with
 * `timingSafeEqual` against every configured token, without stopping at a match, so its time says nothing about
 * how much of a token was right or which one matched.
 */
export function tokenStore(tokens: readonly ApiToken[]): TokenStore {
  const entries = tokens.map((t) => ({ digest: digest(t.token), principal: { name: t.name, role: t.role } }));
  return {
    size: entries.length,
    identify(presented) {
      const d = digest(presented);
      let found: Principal | null = null;
      for (const e of entries) {
        if (timingSafeEqual(d, e.digest)) found = e.principal;
      }
      return found;
    },
  };
}

/** The bearer token of an Authorization header; null when there is no header, 'malformed' when it is not Bearer. */
export function bearerToken(header: string | undefined): string | null | 'malformed' {
  if (header === undefined || header === '') return null;
  const m = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(header);
  return m?.[1] ?? 'malformed';
}

/** True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The rule of access control at start-up: listening beyond loopback needs tokens. Throws one line saying what
 * to do otherwise.
 */
/** Throws (one line) when the development switch DEV_ERRORS is on while other machines can reach the server. */
export function checkDevSwitch(host: string, errorDetails: boolean): void {
  if (!errorDetails || isLoopbackHost(host)) return;
  throw new Error(
    `DEV_ERRORS=true sends internal error details and stack traces to every caller, so it runs only on 127.0.0.1 or localhost, not HOST=${host}`,
  );
}

export function checkListenAccess(host: string, tokenCount: number): void {
  if (tokenCount > 0 || isLoopbackHost(host)) return;
  throw new Error(
    `HOST=${host} lets other machines reach the server, so it needs API_TOKENS ("name:role:token,…", roles reader and editor; tokens at least ${TOKEN_MIN_LENGTH} characters): set them, or listen on 127.0.0.1`,
  );
}
