-- Step 3: Hibernate's pooled sequences hand out ids above the loaded ones.
SELECT setval('doctors_seq', :doctors + 100), setval('patients_seq', :patients + 100),
       setval('appointments_seq', :appointments + 100);
VACUUM ANALYZE doctors;
VACUUM ANALYZE patients;
VACUUM ANALYZE appointments;
