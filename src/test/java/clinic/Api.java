package clinic;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests with a bearer token: an admin's unless a test says whose. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification given() {
        return as(Tokens.admin());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** No Authorization header at all. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }
}
