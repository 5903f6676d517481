package dev.toolverdicts.unlisted;

/** Fixture for ArchitectureRulesTest: a class of a module that ArchitectureRules does not name. */
public class UnlistedModule {
}
