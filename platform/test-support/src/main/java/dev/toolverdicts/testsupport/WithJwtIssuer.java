package dev.toolverdicts.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the service's JWT resource server at the test issuer of {@link TestJwts}: its JWK set is served over real
 * HTTP, and tokens minted with {@link TestJwts#token} are accepted exactly as the identity service's would be.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithJwtIssuer {
}
