package clinic.web;

import clinic.PackagedJar;
import clinic.security.TestIssuer;
import clinic.web.problem.Problem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar takes malformed escapes as the test instance does: clinic.Main, not the test configuration, turns
 * Quarkus's own URI check off there, so no target gets its empty 400.
 */
class RequestTargetsIT {

    @Test
    void shouldAnswerMalformedEscapesWithRowsOrProblemJsonInTheJar() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); TestIssuer issuer = TestIssuer.start();
             PackagedJar jar = PackagedJar.start(postgres, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                     issuer.jwksUrl(), "MP_JWT_VERIFY_ISSUER", TestIssuer.ISSUER), "request-targets-it")) {
            String token = issuer.sign(TestIssuer.claims("admin"));
            List<String> failures = new ArrayList<>();
            for (String bad : PercentEscapesTest.MALFORMED) {
                for (String target : List.of("/doctors/" + bad, "/doctors?where[name][iLike]=" + bad + "ann" + bad)) {
                    String reply = get(URI.create(jar.base).getPort(), target, token);
                    boolean rows = reply.startsWith("HTTP/1.1 200") && reply.contains("application/json");
                    boolean problem = reply.startsWith("HTTP/1.1 4") && reply.contains(Problem.MEDIA_TYPE);
                    if (!rows && !problem) {
                        failures.add(target + " -> " + reply);
                    }
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    /** The target byte for byte, which no URI-checking client would send; the whole answer as text. */
    private static String get(int port, String target, String token) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
