-- The sign-up buckets moved to platform/rate-limits, whose table rate_limit_bucket (its V0_200_1, run out of order)
-- exists before this runs, on a fresh database and on one that already has V1 and V2. The limits in force carry
-- over, same keys ("address:..." and "mailbox:..."); full_at a week on, past any sign-up period in use (a row kept too
-- long changes nothing, one dropped too early would reset its limit).
insert into rate_limit_bucket (bucket_key, tokens, taken, updated_at, full_at)
select bucket_key, tokens, case when granted then 1 else 0 end, updated_at, updated_at + interval '7 days'
from subscribe_bucket
on conflict (bucket_key) do nothing;

drop table subscribe_bucket;
