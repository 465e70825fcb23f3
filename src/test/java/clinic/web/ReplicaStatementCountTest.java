package clinic.web;

import clinic.db.ReplicaPair;
import clinic.db.ReplicaProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;

/** The same counts with a replica serving the reads: routing adds no statement Hibernate issues. */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaStatementCountTest extends StatementCountTest {

    /** Runs after the rows are created: the reads must find them on the replica. */
    @BeforeEach
    void awaitReplay() throws Exception {
        ReplicaPair.awaitReplay();
    }
}
