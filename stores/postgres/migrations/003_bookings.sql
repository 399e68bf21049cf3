-- Appointments at the counter (BookingStore). One row per record: a move closes the row as 'moved'
-- and adds the next revision with the same code. start_text/end_text keep the instant exactly as
-- booked (ISO 8601 with Brussels' offset); start_at/end_at are the same instants for range queries.
create table booking (
  id                    bigserial primary key,
  code                  text not null,
  revision              integer not null check (revision >= 0),
  service               text not null,
  counter               text not null,
  start_text            text not null,
  end_text              text not null,
  start_at              timestamptz not null,
  end_at                timestamptz not null,
  name                  text not null,
  contact_kind          text not null check (contact_kind in ('email', 'phone')),
  contact_value         text not null,
  status                text not null check (status in ('booked', 'cancelled', 'moved')),
  created_at            timestamptz not null,
  -- The activity that created this record (a booking or a move): one record per activity, on any instance.
  request_id            text not null unique,
  closed_by_request_id  text,
  closed_at             timestamptz,
  unique (code, revision),
  check (end_at > start_at),
  check ((status = 'booked') = (closed_at is null))
);

-- A code belongs to one appointment (its first revision), and has at most one active record.
create unique index booking_code_owner on booking (code) where revision = 0;
create unique index booking_code_active on booking (code) where status = 'booked';
-- Capacity checks, slot search and the staff day view read active records by time.
create index booking_active_time on booking (start_at, end_at) where status = 'booked';
