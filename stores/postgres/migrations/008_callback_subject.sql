-- What a callback is about, in the resident's words or the topic they agreed to ("waarover gaat het?"):
-- null when they would rather say it on the phone. Scrubbed and cut short by the store; deleted with
-- its row by the retention job. Rows from before this migration have none.
alter table callback_request add column subject text check (char_length(subject) <= 200);
