import type pg from 'pg';
import { ksuid } from '../src/domain/ksuid.ts';

/**
 * The benchmark's data set: the development user, `projects` projects and `sessions` sessions
 * spread evenly over them, written with a few set-based statements (seconds, not minutes) and
 * then ANALYZEd so the planner sees realistic statistics.
 *
 * Rows look like sessions that ran: a repository and labels (jsonb, so the servers' JSON-text
 * parsing is exercised), a model, a phase and start/completion times. Ids are real KSUIDs whose
 * time matches `created_at`, as the server would have made them.
 */

export interface SeededProject {
  id: string;
  name: string;
}

export interface Seed {
  /** The `developer` user that development-mode authentication resolves every request to. */
  userId: string;
  projects: SeededProject[];
  sessionIds: string[];
}

/** Username of the development-mode caller (src/auth/authenticate.ts). */
export const DEVELOPER = 'developer';

export async function seed(pool: pg.Pool, counts: { projects: number; sessions: number }): Promise<Seed> {
  const now = Date.now();
  const userId = ksuid(now - 86_400_000);
  const projectIds = Array.from({ length: counts.projects }, () => ksuid(now - 86_400_000));
  // Session i (1-based) was created (sessions - i) seconds ago: all in the past, oldest first.
  const sessionIds = Array.from({ length: counts.sessions }, (_, i) => ksuid(now - (counts.sessions - 1 - i) * 1000));

  // The real server would find this row on the first request instead of creating it; seeding it
  // lets the baseline record the same `created_by_user_id` on the sessions it creates.
  await pool.query(`INSERT INTO users (id, username, name, groups, created_at, updated_at) VALUES ($1, $2, 'Developer', '{}', now(), now())`, [
    userId,
    DEVELOPER,
  ]);
  const projects = await pool.query<SeededProject>(
    `INSERT INTO projects (id, name, display_name, created_at, updated_at)
     SELECT ($1::text[])[i], 'bench-' || i, 'Bench project ' || i, now() - interval '1 day', now() - interval '1 day'
     FROM generate_series(1, cardinality($1::text[])) AS i
     RETURNING id, name`,
    [projectIds],
  );
  await pool.query(
    `INSERT INTO sessions (id, created_at, updated_at, name, prompt, repos, interactive, timeout, llm_model, llm_temperature,
                           llm_max_tokens, labels, project_id, created_by_user_id, phase, start_time, completion_time,
                           sdk_restart_count, kube_cr_name, kube_namespace)
     SELECT s.id, s.at, s.at + interval '65 seconds', 'bench session ' || s.i,
            'Fix the failing test in module ' || s.i || ' and open a pull request.',
            '[{"url": "https://github.com/ambient-code/bench.git", "branch": "main"}]'::jsonb,
            true, 300, 'sonnet', 0.7, 4000, jsonb_build_object('team', 'bench', 'batch', (s.i % 10)::text),
            p.id, $3, 'Completed', s.at + interval '5 seconds', s.at + interval '65 seconds',
            0, 'session-' || lower(s.id), p.name
     FROM (SELECT i, ($1::text[])[i] AS id, now() - (cardinality($1::text[]) - i) * interval '1 second' AS at
           FROM generate_series(1, cardinality($1::text[])) AS i) s
     JOIN projects p ON p.id = ($2::text[])[(s.i - 1) % cardinality($2::text[]) + 1]`,
    [sessionIds, projectIds, userId],
  );
  await pool.query('ANALYZE');
  // RETURNING order is not guaranteed: keep the projects in id-array order.
  const byId = new Map(projects.rows.map((p) => [p.id, p]));
  return { userId, projects: projectIds.map((id) => byId.get(id)!), sessionIds };
}
