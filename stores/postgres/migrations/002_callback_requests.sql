-- Residents' requests to be called back (CallbackStore). The only table with a phone number.
-- request_id is the idempotency key (channel, conversation, activity id): a retried activity on any
-- instance finds the first row. reference is what the resident and staff read aloud.
create table callback_request (
  id                  bigserial primary key,
  request_id          text not null unique,
  reference           text not null unique,
  phone               text not null,
  preferred_day       text not null,
  preferred_part      text not null check (preferred_part in ('morning', 'afternoon')),
  topic_intent        text,
  topic_document      text,
  excerpt             jsonb not null,
  language            text not null,
  created_at          timestamptz not null,
  status              text not null check (status in ('open', 'reached', 'notReached', 'done', 'cancelledByResident')),
  history             jsonb not null,
  closed_at           timestamptz,
  check ((closed_at is null) = (status in ('open', 'notReached')))
);

-- The staff list: open and not-reached requests.
create index callback_request_open on callback_request (preferred_day) where closed_at is null;
-- Retention: closed requests by the moment they were closed.
create index callback_request_closed_at on callback_request (closed_at) where closed_at is not null;
