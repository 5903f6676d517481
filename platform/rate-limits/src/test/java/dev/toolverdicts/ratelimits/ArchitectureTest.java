package dev.toolverdicts.ratelimits;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.toolverdicts.architecture.ArchitectureRules;

/** platform/rate-limits keeps to the module rules: no service's packages, no package cycles. */
@AnalyzeClasses(packagesOf = TokenBuckets.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
