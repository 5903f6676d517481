package dev.toolverdicts.apidocs;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.toolverdicts.architecture.ArchitectureRules;

/** platform/api-docs keeps to the module rules: no service's packages, no package cycles. */
@AnalyzeClasses(packagesOf = PlatformConventions.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
