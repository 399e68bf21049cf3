-- Bot state expires like the embedded store's: conversation state a day, user state three months after
-- its last save. saved_at is the bot's clock at the save (updated_at is the database's), and collection
-- says which expiry applies; both are written by PostgresStateStorage on every save. Rows saved before
-- this migration take their updated_at and their collection from the key, as the code tells them apart.
alter table bot_state add column saved_at timestamptz not null default now();
alter table bot_state add column collection text not null default 'conversations' check (collection in ('conversations', 'users'));
update bot_state set saved_at = updated_at, collection = case when key like '%/users/%' then 'users' else 'conversations' end;

-- The retention job deletes per collection by age.
create index bot_state_collection_saved_at on bot_state (collection, saved_at);
