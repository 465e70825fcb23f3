-- The benchmark dataset, set-based (seconds, not HTTP). Run with psql -v doctors=… -v patients=… -v appointments=…
-- Ids are 1..n, so the wrk scripts pick random ids from those ranges. Every constraint stays on and is checked.
-- Appointment i belongs to doctor i % doctors at slot i / doctors (30 min, 16 slots a day from 08:00 UTC,
-- starting 2026-01-05), so a doctor never overlaps; within a slot the patients (slot * 7919 + doctor) % patients
-- are distinct (doctors <= patients), so a patient never overlaps either, and each doctor sees many patients.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
TRUNCATE appointments, patients, doctors;

INSERT INTO doctors (id, name, email, phone, specialty, created_at, updated_at, version)
SELECT g, 'Dr. Bench ' || g, 'doctor' || g || '@bench.example', '+1 202 555 ' || lpad((g % 10000)::text, 4, '0'),
       (ARRAY['Cardiology', 'Dermatology', 'Neurology', 'Pediatrics', 'General practice'])[1 + g % 5],
       now(), now(), 0
FROM generate_series(1, :doctors) g;

INSERT INTO patients (id, name, email, phone, birth_date, created_at, updated_at, version)
SELECT g, 'Patient ' || g, 'patient' || g || '@bench.example', '+1 303 555 ' || lpad((g % 10000)::text, 4, '0'),
       date '1940-01-01' + (g * 37 % 25000), now(), now(), 0
FROM generate_series(1, :patients) g;

INSERT INTO appointments (id, starts_at, ends_at, duration_minutes, status, reason, doctor_id, patient_id,
                          created_at, updated_at, version)
SELECT i + 1, t, t + interval '30 minutes', 30,
       (ARRAY['booked', 'fulfilled', 'arrived', 'booked'])[1 + i % 4], 'Check-up ' || i,
       i % :doctors + 1, ((i / :doctors) * 7919 + i % :doctors) % :patients + 1, now(), now(), 0
FROM generate_series(0, :appointments - 1) i,
     LATERAL (SELECT timestamptz '2026-01-05 08:00:00+00' + ((i / :doctors) / 16) * interval '1 day'
                     + ((i / :doctors) % 16) * interval '30 minutes' AS t) slot;

-- Hibernate's pooled sequences hand out ids above the loaded ones.
SELECT setval('doctors_seq', :doctors + 100), setval('patients_seq', :patients + 100),
       setval('appointments_seq', :appointments + 100);
VACUUM ANALYZE doctors;
VACUUM ANALYZE patients;
VACUUM ANALYZE appointments;
