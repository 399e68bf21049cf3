-- Questionnaire version 2 offers a fourth booking channel, `chat` (in a chat, by SMS or WhatsApp):
-- the check on booking_channel takes it too. Existing rows keep their codes.
alter table survey_response drop constraint survey_response_booking_channel_check;
alter table survey_response add constraint survey_response_booking_channel_check
  check (booking_channel in ('online', 'phone', 'counter', 'chat'));
