package dev.toolverdicts.review;

import dev.toolverdicts.testsupport.AuthorizationMatrixContract;

/**
 * Every review endpoint × every kind of caller meets the outcome of authorization-matrix.csv (ReviewAccess), and the
 * table lists every endpoint the app maps: a new endpoint without a row fails here.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {
}
