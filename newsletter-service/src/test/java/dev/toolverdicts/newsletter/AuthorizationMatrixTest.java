package dev.toolverdicts.newsletter;

import dev.toolverdicts.testsupport.AuthorizationMatrixContract;

/**
 * Every newsletter endpoint × every kind of caller meets the outcome of authorization-matrix.csv (NewsletterAccess), and the
 * table lists every endpoint the app maps: a new endpoint without a row fails here.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {
}
