-- Step 3: Hibernate's pooled sequences hand out ids above the loaded ones.
SELECT setval('doctors_seq', :doctors + 100), setval('patients_seq', :patients + 100),
       setval('appointments_seq', :appointments + 100);
-- the maintained counts of the doctors' patients (009-doctor-patient-totals), from scratch, and their trigger back on
SELECT doctor_patients_recount();
ALTER TABLE appointments ENABLE TRIGGER appointments_doctor_patients_insert;
VACUUM ANALYZE doctor_patients;
VACUUM ANALYZE doctor_patient_totals;
VACUUM ANALYZE patient_doctor_totals;
VACUUM ANALYZE doctors;
VACUUM ANALYZE patients;
VACUUM ANALYZE appointments;
