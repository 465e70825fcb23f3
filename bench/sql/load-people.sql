-- The benchmark dataset, step 1: empty the tables, then the doctors and patients.  psql -v doctors=… -v patients=…
-- Ids are 1..n, so the wrk scripts pick random ids from those ranges. Every constraint stays on and is checked.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
TRUNCATE appointments, patients, doctors, doctor_patients, doctor_patient_totals, patient_doctor_totals;
-- the parallel loaders would queue (and deadlock) on the totals rows: load-finish.sql recounts and turns them back on
ALTER TABLE appointments DISABLE TRIGGER appointments_doctor_patients_insert;

INSERT INTO doctors (id, name, email, phone, specialty, created_at, updated_at, version)
SELECT g, 'Dr. Bench ' || g, 'doctor' || g || '@bench.example', '+1 202 555 ' || lpad((g % 10000)::text, 4, '0'),
       (ARRAY['Cardiology', 'Dermatology', 'Neurology', 'Pediatrics', 'General practice'])[1 + g % 5],
       now(), now(), 0
FROM generate_series(1, :doctors) g;

INSERT INTO patients (id, name, email, phone, birth_date, created_at, updated_at, version)
SELECT g, 'Patient ' || g, 'patient' || g || '@bench.example', '+1 303 555 ' || lpad((g % 10000)::text, 4, '0'),
       date '1940-01-01' + (g * 37 % 25000), now(), now(), 0
FROM generate_series(1, :patients) g;

