package dev.toolverdicts.vote.fixturea;

import dev.toolverdicts.vote.fixtureb.VoteB;

/** Fixture for ArchitectureRulesTest: one half of a package cycle. */
public class VoteA {

    VoteB b;
}
