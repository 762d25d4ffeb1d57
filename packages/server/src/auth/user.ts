/** Who is asking: the signed-in staff member (session cookie) or the owner of an API token. */
export type Role = 'admin' | 'editor' | 'analyst';

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  /** The units this account may see (their responses, reports and exports); null for all units. */
  units: string[] | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for signed-in requests once a route has asked (requireRole, authenticateRequest); absent for anonymous ones. */
    user?: AuthUser;
  }
}
