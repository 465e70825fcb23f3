-- Step 2, run as `parts` parallel sessions (part = 0..parts-1): the appointments i with i % parts = part.
-- psql -v doctors=… -v patients=… -v appointments=… -v parts=… -v part=…
-- Appointment i belongs to doctor i % doctors at slot i / doctors (30 min, 16 slots a day from 08:00 UTC,
-- starting 2026-01-05), so a doctor never overlaps; within a slot the patients (slot * 7919 + doctor) % patients
-- are distinct (doctors <= patients), so a patient never overlaps either, and each doctor sees many patients.
-- The exclusion constraints' GiST indexes cost most of the load; building them afterwards is slower still.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
INSERT INTO appointments (id, starts_at, ends_at, duration_minutes, status, reason, doctor_id, patient_id,
                          created_at, updated_at, version)
SELECT i + 1, t, t + interval '30 minutes', 30,
       (ARRAY['booked', 'fulfilled', 'arrived', 'booked'])[1 + i % 4], 'Check-up ' || i,
       i % :doctors + 1, ((i / :doctors) * 7919 + i % :doctors) % :patients + 1, now(), now(), 0
FROM generate_series(:part, :appointments - 1, :parts) i,
     LATERAL (SELECT timestamptz '2026-01-05 08:00:00+00' + ((i / :doctors) / 16) * interval '1 day'
                     + ((i / :doctors) % 16) * interval '30 minutes' AS t) slot;

