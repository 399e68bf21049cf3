-- Whether a conversation started outside the counter's opening hours (the dashboard's share of
-- conversations outside the hours). Markers and counts from before this migration carry no flag:
-- a marker's is null, a count's is 'unknown', and reports count them as unknown, never as inside.
alter table conversation_marker add column opening_hours text check (opening_hours in ('inside', 'outside'));
alter table conversation_outcome_count
  add column opening_hours text not null default 'unknown' check (opening_hours in ('inside', 'outside', 'unknown'));
alter table conversation_outcome_count drop constraint conversation_outcome_count_pkey;
alter table conversation_outcome_count add primary key (day, channel, outcome, opening_hours);
