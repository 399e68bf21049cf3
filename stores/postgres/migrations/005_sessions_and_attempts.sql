-- Staff and dashboard sessions (SessionStore) and attempt limits (AttemptStore), shared by every
-- instance. key is a hash: of the session id, or of the limit's scope and key (an address, an account).
create table web_session (
  key        text primary key,
  subject    text not null,
  ttl_ms     bigint not null check (ttl_ms > 0),
  expires_at timestamptz not null
);
create index web_session_expires_at on web_session (expires_at);

create table attempt (
  id         bigserial primary key,
  key        text not null,
  at         timestamptz not null,
  expires_at timestamptz not null
);
create index attempt_key_at on attempt (key, at desc);
create index attempt_expires_at on attempt (expires_at);
