package dev.toolverdicts.identity;

import dev.toolverdicts.testsupport.AuthorizationMatrixCheck;
import dev.toolverdicts.testsupport.WithPostgres;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page and JSON endpoint identity-service maps × every kind of caller meets the outcome of
 * authorization-matrix.csv (WebSecurityConfig), and the table lists every endpoint the app maps: a new page or API
 * endpoint without a row fails here. Identity is the issuer itself, so it runs without the test issuer.
 */
@ActiveProfiles("dev")
@WithPostgres
class AuthorizationMatrixTest extends AuthorizationMatrixCheck {
}
