package dev.toolverdicts.catalog;

import dev.toolverdicts.testsupport.AuthorizationMatrixContract;

/**
 * Every catalog endpoint × every kind of caller meets the outcome of authorization-matrix.csv (CatalogAccess), and the
 * table lists every endpoint the app maps: a new endpoint without a row fails here.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {
}
