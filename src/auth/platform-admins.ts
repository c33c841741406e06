/**
 * Platform admins (runtime.md §c.5), from `AUTH_PLATFORM_ADMINS`: usernames, and `group:<name>`
 * entries naming a group every member of which is one. Matching is exact (case-sensitive), like
 * usernames and group names everywhere else.
 */
export class PlatformAdmins {
  private readonly users = new Set<string>();
  private readonly groups = new Set<string>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      if (entry.startsWith('group:')) this.groups.add(entry.slice('group:'.length));
      else this.users.add(entry);
    }
  }

  /** Whether a caller with this username and these effective groups is a platform admin. */
  includes(username: string, groups: readonly string[]): boolean {
    return this.users.has(username) || groups.some((group) => this.groups.has(group));
  }
}
