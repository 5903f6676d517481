package dev.toolverdicts.comparison;

import dev.toolverdicts.testsupport.AuthorizationMatrixContract;

/**
 * Every comparison endpoint × every kind of caller meets the outcome of authorization-matrix.csv (ComparisonAccess), and the
 * table lists every endpoint the app maps: a new endpoint without a row fails here.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {
}
