/**
 * The database's history, oldest first. Each migration runs once, in its own transaction, on
 * PGlite and on PostgreSQL alike (ARCHITECTURE.md D4: one dialect). Never edit a released one;
 * add the next number instead.
 *
 * The table and column names are a contract with the reports module (src/reports/).
 * No table holds an IP address or a user agent: SIPAS responses are anonymous.
 */
export interface Migration {
  version: number;
  name: string;
  /** One statement each: PGlite's query() takes a single statement. */
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    statements: [
      `create table users (
        id serial primary key,
        username text unique not null,
        password_hash text not null,
        role text not null check (role in ('admin', 'editor', 'analyst')),
        units text[], -- null: every unit
        disabled boolean not null default false,
        created_at timestamptz not null default now()
      )`,
      `create table sessions (
        id_hash text primary key, -- SHA-256 of the cookie's value; the value itself is never stored
        user_id int not null references users(id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null
      )`,
      `create index sessions_by_user on sessions (user_id)`,
      `create table api_tokens (
        id serial primary key,
        user_id int not null references users(id) on delete cascade,
        name text not null,
        token_hash text unique not null,
        created_at timestamptz not null default now(),
        last_used_at timestamptz
      )`,
      `create index api_tokens_by_user on api_tokens (user_id)`,
      `create table questionnaires (
        id text primary key,
        draft jsonb not null,
        allowed_origins text[] not null default '{}',
        planned_sample jsonb not null default '{}', -- { unitId: planned number of responses }
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        updated_by int references users(id)
      )`,
      `create table questionnaire_versions (
        questionnaire_id text not null references questionnaires(id),
        version int not null,
        document jsonb not null,
        published_at timestamptz not null default now(),
        published_by int references users(id),
        primary key (questionnaire_id, version)
      )`,
      `create table responses (
        response_id text primary key,
        questionnaire_id text not null,
        questionnaire_version int not null,
        received_at timestamptz not null default now(),
        submitted_at timestamptz not null,
        channel text not null,
        unit text,
        service_field text,
        paper_serial text, -- normalized (normalizeSerial in @sipas/schema)
        document jsonb not null, -- the response as received
        foreign key (questionnaire_id, questionnaire_version) references questionnaire_versions
      )`,
      `create unique index responses_one_per_paper_serial on responses (questionnaire_id, paper_serial) where paper_serial is not null`,
      `create index responses_by_version_and_time on responses (questionnaire_id, questionnaire_version, received_at)`,
    ],
  },
  {
    version: 2,
    name: 'response-batches',
    // Reports and exports read a questionnaire's responses in batches ordered by response_id, for
    // all units or a few: without these, each batch rescans and sorts every response of it.
    statements: [
      `create index responses_in_id_order on responses (questionnaire_id, response_id)`,
      `create index responses_by_unit_in_id_order on responses (questionnaire_id, unit, response_id)`,
    ],
  },
];
