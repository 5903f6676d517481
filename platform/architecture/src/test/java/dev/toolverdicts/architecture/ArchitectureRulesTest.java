package dev.toolverdicts.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.toolverdicts.catalog.fixture.CatalogUsingVote;
import dev.toolverdicts.problem.fixture.PlatformUsingCatalog;
import dev.toolverdicts.unlisted.UnlistedModule;
import dev.toolverdicts.vote.fixturea.VoteA;
import dev.toolverdicts.vote.fixtureb.VoteB;
import org.junit.jupiter.api.Test;

/** Each module rule fails on the fault it is there for, and passes classes that keep to it. */
class ArchitectureRulesTest {

    private static final JavaClasses FAULTY = new ClassFileImporter().importClasses(CatalogUsingVote.class,
            VoteA.class, VoteB.class, PlatformUsingCatalog.class, UnlistedModule.class);

    private static final JavaClasses CLEAN = new ClassFileImporter().importClasses(VoteA.class, ArchitectureRules.class);

    @Test
    void aServiceUsingAnotherServiceFails() {
        assertThat(report(ArchitectureRules.SERVICES_DO_NOT_DEPEND_ON_EACH_OTHER, FAULTY))
                .contains("CatalogUsingVote").contains("service catalog uses service vote")
                .doesNotContain("VoteA.b");
    }

    @Test
    void aPlatformModuleUsingAServiceFails() {
        assertThat(report(ArchitectureRules.PLATFORM_DOES_NOT_DEPEND_ON_SERVICES, FAULTY))
                .contains("PlatformUsingCatalog").contains("platform uses service catalog");
    }

    @Test
    void aPackageCycleFails() {
        assertThat(report(ArchitectureRules.NO_PACKAGE_CYCLES, FAULTY)).contains("fixturea").contains("fixtureb");
    }

    @Test
    void aModuleTheRulesDoNotNameFails() {
        assertThat(report(ArchitectureRules.EVERY_MODULE_IS_KNOWN, FAULTY)).contains("UnlistedModule")
                .doesNotContain("CatalogUsingVote");
    }

    @Test
    void classesThatKeepToTheRulesPass() {
        for (ArchRule rule : new ArchRule[] {ArchitectureRules.EVERY_MODULE_IS_KNOWN,
                ArchitectureRules.SERVICES_DO_NOT_DEPEND_ON_EACH_OTHER,
                ArchitectureRules.PLATFORM_DOES_NOT_DEPEND_ON_SERVICES, ArchitectureRules.NO_PACKAGE_CYCLES}) {
            assertThat(rule.evaluate(CLEAN).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }

    private static String report(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
