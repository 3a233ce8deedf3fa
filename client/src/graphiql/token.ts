// The console's requests carry the explorer's access token, as a default: an Authorization header the analyst set
// in the console's Headers tab wins.

/** `init` with `Authorization: Bearer <token>` added when there is a token and no Authorization header yet. */
export function withToken(init: RequestInit | undefined, token: string | null): RequestInit | undefined {
  if (!token) return init;
  const headers = new Headers(init?.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}
