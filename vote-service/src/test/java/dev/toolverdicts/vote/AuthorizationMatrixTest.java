package dev.toolverdicts.vote;

import dev.toolverdicts.testsupport.AuthorizationMatrixContract;

/**
 * Every vote endpoint × every kind of caller meets the outcome of authorization-matrix.csv (VoteAccess), and the
 * table lists every endpoint the app maps: a new endpoint without a row fails here.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {
}
