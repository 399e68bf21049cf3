-- The anonymous survey (SurveyStore) and conversation outcome counts (OutcomeStore).
-- No column holds a user, conversation or activity id, a time of day or free text: a row has the
-- day, the channel kind, the outcome and the answer codes. Answers are columns (not jsonb) so the
-- report's GROUP BY queries read them directly and the checks refuse unknown codes.
create table survey_response (
  id                      uuid primary key,
  day                     date not null,
  questionnaire_version   smallint not null,
  channel                 text not null check (channel ~ '^[a-z][a-z0-9_.-]{0,31}$'),
  outcome                 text not null check (outcome in ('resolved', 'escalated')),
  awareness               text check (awareness in ('used', 'awareNotUsed', 'unaware')),
  satisfaction            smallint check (satisfaction between 1 and 5),
  appointment_preference  text check (appointment_preference in ('appointment', 'indifferent', 'walkIn')),
  booking_channel         text check (booking_channel in ('online', 'phone', 'counter')),
  age_bracket             text check (age_bracket in ('18-34', '35-49', '50-64', '65+')),
  synthetic               boolean not null default false
);
create index survey_response_day on survey_response (day);

-- Idempotency without ids: a random salt per day, and HMAC(salt, request id) of the requests handled
-- that day. Both are deleted once the day is more than one day old.
create table survey_request_salt (
  day   date primary key,
  salt  text not null
);
create table survey_request (
  day   date not null,
  hash  text not null,
  primary key (day, hash)
);

-- Outcomes: an open day has a salt and a marker per conversation, HMAC(salt, conversation key).
-- Closing a day turns its markers into counts and deletes the markers and the salt.
create table outcome_day (
  day   date primary key,
  salt  text not null
);
create table conversation_marker (
  day      date not null,
  hash     text not null,
  channel  text not null,
  state    text not null check (state in ('started', 'resolved', 'escalated')),
  primary key (day, hash)
);
create table conversation_outcome_count (
  day      date not null,
  channel  text not null,
  outcome  text not null check (outcome in ('resolved', 'escalated', 'abandoned')),
  count    integer not null check (count >= 0),
  primary key (day, channel, outcome)
);
