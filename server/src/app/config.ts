// The server's settings from the environment, read once at start-up with core/config.ts's readers, beside the
// database settings read there. See the README's configuration table.
import {
  booleanFrom,
  countFrom,
  loadDatabaseConfig,
  portFrom,
  type DatabaseConfig,
} from '../../../core/config.ts';
import { parseApiTokens, type ApiToken } from '../access/tokens.ts';

export interface Config extends DatabaseConfig {
  /** HTTP port of the explorer (PORT, default 4000). */
  port: number;
  /** Address the HTTP server listens on (HOST, default 127.0.0.1). Beyond loopback, API_TOKENS are required. */
  host: string;
  production: boolean;
  /**
   * DEV_ERRORS=true: responses carry internal error messages and stack traces (a development switch; refused
   * beyond loopback). Off by default, whatever NODE_ENV says: what `npm start` gives is safe to expose.
   */
  errorDetails: boolean;
  /** API_TOKENS: none means open mode (loopback only, writes open). */
  apiTokens: ApiToken[];
  /** ANONYMOUS_READS=true: with tokens configured, reads need no token (writes still need an editor token). */
  anonymousReads: boolean;
  /** CORS_ORIGINS: origins allowed to call /graphql from a browser (none: CORS closed). */
  corsOrigins: string[];
  /** INTROSPECTION=false turns GraphQL introspection off (on by default: this is an analyst's tool). */
  introspection: boolean;
  /** RATE_LIMIT_PER_MINUTE (default 1200; 0 turns rate limiting off) and RATE_LIMIT_BURST (default 200). */
  rateLimit: { perMinute: number; burst: number } | null;
  /** REQUEST_TIMEOUT_MS: longest a GraphQL request may take before it is answered 503 (default 30 s). */
  requestTimeoutMs: number;
  /** TRUST_PROXY: Express's "trust proxy" setting, so that rate limiting sees the client's address behind a proxy. */
  trustProxy: boolean | number | string;
}

function originsFrom(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(
        `CORS_ORIGINS must list origins such as https://analysis.example.org (scheme, host and port only), got "${origin}"`,
      );
    }
    return origin;
  });
}

function trustProxyFrom(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * Reads the configuration from `process.env`; throws one line when a setting is invalid. (That HOST beyond
 * loopback needs API_TOKENS is checked by startExplorer, so that tools such as db:backup still run.)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const apiTokens = parseApiTokens(env.API_TOKENS);
  const perMinute = countFrom(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000);
  return {
    ...loadDatabaseConfig(env),
    port: portFrom(env, 'PORT', 4000),
    host,
    production: env.NODE_ENV === 'production',
    errorDetails: booleanFrom(env, 'DEV_ERRORS', false),
    apiTokens,
    anonymousReads: booleanFrom(env, 'ANONYMOUS_READS', false),
    corsOrigins: originsFrom(env),
    introspection: booleanFrom(env, 'INTROSPECTION', true),
    rateLimit:
      perMinute === 0 ? null : { perMinute, burst: countFrom(env, 'RATE_LIMIT_BURST', 200, 1, 1_000_000) },
    requestTimeoutMs: countFrom(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    trustProxy: trustProxyFrom(env),
  };
}

/**
 * Whether stack traces go through source maps. Under tsx (how the server runs) Node maps every stack it formats
 * back to the TypeScript, and neo4j-driver formats one for every query result and commit: about 5 % of the
 * server's CPU under load (docs/benchmarks.md, issue 18). Development keeps them (readable traces); production
 * turns them off unless Node was started with --enable-source-maps (NODE_OPTIONS or the command line). Stack
 * traces reach only the server's log (with DEBUG), never a response (see server/src/graphql/errors.ts).
 */
export function sourceMapsWanted(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): boolean {
  if (env.NODE_ENV !== 'production') return true;
  const flags = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.includes('--enable-source-maps');
}

/** Applies sourceMapsWanted: in production, stack traces stop going through source maps (tsx turned them on). */
export function configureSourceMaps(env: NodeJS.ProcessEnv = process.env): void {
  if (!sourceMapsWanted(env)) process.setSourceMapsEnabled(false);
}
