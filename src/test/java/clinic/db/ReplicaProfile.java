package clinic.db;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The service over {@link ReplicaPair}: a primary and a streaming replica. */
public class ReplicaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", ReplicaPair.primaryUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.replica.jdbc.url", ReplicaPair.replicaUrl());
    }
}
