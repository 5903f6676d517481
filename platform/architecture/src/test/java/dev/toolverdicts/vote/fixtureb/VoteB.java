package dev.toolverdicts.vote.fixtureb;

import dev.toolverdicts.vote.fixturea.VoteA;

/** Fixture for ArchitectureRulesTest: the other half of a package cycle. */
public class VoteB {

    VoteA a;
}
