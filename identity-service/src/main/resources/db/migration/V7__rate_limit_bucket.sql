-- The token buckets moved to platform/rate-limits, whose table rate_limit_bucket (its V0_200_1, run out of order)
-- exists before this runs, on a fresh database and on one that already has V1..V6. The limits in force carry over:
-- taken as "granted" was, and full_at a day on (the old cleanup's rule; every identity bucket refills within a day).
insert into rate_limit_bucket (bucket_key, tokens, taken, updated_at, full_at)
select bucket_key, tokens, case when granted then 1 else 0 end, updated_at, updated_at + interval '1 day'
from throttle_bucket
on conflict (bucket_key) do nothing;

drop table throttle_bucket;
