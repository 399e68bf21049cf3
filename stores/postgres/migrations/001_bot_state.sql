-- Bot Framework conversation and user state (botbuilder Storage), one row per storage key.
-- The eTag lives in its own column so a conditional write is one indexed update.
create table bot_state (
  key        text primary key,
  item       jsonb not null,
  etag       text not null,
  updated_at timestamptz not null default now()
);

-- For clean-up of conversations nobody continued (retention), oldest first.
create index bot_state_updated_at on bot_state (updated_at);
