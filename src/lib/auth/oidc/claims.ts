// Pure rules: what our user record should say, given the claims of a verified ID token.
import type { Role } from '../../../../db/schema.ts';
import type { RoleMapping } from '../../config.ts';
import { highestRole } from '../permissions.ts';

export type ClaimSettings = { departmentClaim: string; groupsClaim: string; roleMap: RoleMapping[] };

export type ProviderProfile = {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  /** undefined when the token does not carry the department claim (then ours is left as it is) */
  department: string | null | undefined;
  /** undefined when no role map is configured (then roles are managed here, not by the provider) */
  role: Role | undefined;
};

export type ProfileProblem = 'no_email' | 'unverified_email';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** The role the provider's groups map to: the highest mapped one; employee when none matches. */
export function roleFromGroups(groups: readonly string[], roleMap: readonly RoleMapping[]): Role {
  // Keycloak may send full group paths ("/LMS-Admins"); names compare case-insensitively
  const norm = (g: string) => g.trim().replace(/^\//, '').toLowerCase();
  const held = new Set(groups.map(norm));
  return highestRole(roleMap.filter((m) => held.has(norm(m.group))).map((m) => m.role));
}

/** Reads the person from verified claims; refuses a missing or unverified email. */
export function profileFromClaims(claims: Record<string, unknown>, s: ClaimSettings): ProviderProfile | { problem: ProfileProblem } {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return { problem: 'no_email' };
  // some providers send the boolean as a string
  if (claims.email_verified !== true && claims.email_verified !== 'true') return { problem: 'unverified_email' };
  const given = [claims.given_name, claims.family_name].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' ');
  const name = (typeof claims.name === 'string' && claims.name.trim()) || given || email.split('@')[0]!;
  let department: string | null | undefined;
  if (s.departmentClaim in claims) department = strings(claims[s.departmentClaim])[0]?.trim().slice(0, 120) || null;
  const role = s.roleMap.length > 0 ? roleFromGroups(strings(claims[s.groupsClaim]), s.roleMap) : undefined;
  return { issuer: String(claims.iss), subject: String(claims.sub), email, name: name.trim().slice(0, 120), department, role };
}
