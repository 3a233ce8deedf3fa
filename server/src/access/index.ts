// Who may do what. Two modes: "open" (no tokens configured; the server then listens on loopback only, and
// everyone may read and write, recorded as "local"), and "tokens" (API_TOKENS configured: writes need an editor
// token, reads a reader or editor token unless anonymous reads are allowed). Knows nothing of HTTP: the HTTP
// layer identifies the caller and puts an Access on the GraphQL context; resolvers ask `requireRole`.
import { AppError } from '../../../core/errors.ts';

export const ROLES = ['reader', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** A caller identified by a token. */
export interface Principal {
  /** The token's name from API_TOKENS: what views and the audit log record as "who". */
  name: string;
  role: Role;
}

/** What the GraphQL context knows about the caller. */
export interface Access {
  mode: 'open' | 'tokens';
  /** The caller, or null for an anonymous caller (open mode, or anonymous reads). */
  principal: Principal | null;
}

/** The name recorded for writes on a server without tokens (only reachable from its own machine). */
export const LOCAL_ACTOR = 'local';

/** The open mode's access: no tokens, everyone is "local". Also what a context without `access` means. */
export const OPEN_ACCESS: Access = { mode: 'open', principal: null };

const rank: Record<Role, number> = { reader: 1, editor: 2 };

/** True when `role` includes everything `needed` may do (an editor may also read). */
export function roleAllows(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/**
 * Throws UNAUTHENTICATED (no valid token) or FORBIDDEN (a token whose role is too low) unless the caller may act
 * as `needed`. In open mode everyone may.
 */
export function requireRole(access: Access | undefined, needed: Role, what: string): void {
  const a = access ?? OPEN_ACCESS;
  if (a.mode === 'open') return;
  if (!a.principal) {
    throw new AppError(
      'UNAUTHENTICATED',
      `${what} needs ${needed === 'editor' ? 'an editor' : 'a reader or editor'} token: send "Authorization: Bearer <token>".`,
    );
  }
  if (!roleAllows(a.principal.role, needed)) {
    throw new AppError(
      'FORBIDDEN',
      `${what} needs an ${needed} token; the token "${a.principal.name}" is a ${a.principal.role} token.`,
    );
  }
}

/** Who a write is recorded as: the token's name, or "local" in open mode. */
export function actorOf(access: Access | undefined): string {
  return access?.principal?.name ?? LOCAL_ACTOR;
}
