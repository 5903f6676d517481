package dev.toolverdicts.testsupport;

/**
 * {@link AuthorizationMatrixCheck} for a resource-server service: its database, its broker and a JWT issuer of test
 * tokens. A service's {@code AuthorizationMatrixTest} extends it and adds nothing.
 */
@WithPostgres
@WithKafka
@WithJwtIssuer
public abstract class AuthorizationMatrixContract extends AuthorizationMatrixCheck {
}
