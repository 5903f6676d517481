package dev.toolverdicts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The module structure every module's {@code ArchitectureTest} checks (brief §2 and §5): a service never depends on
 * another service, platform modules never depend on services, and no packages form a cycle. Each module's test
 * analyses its own classes with {@code @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class)};
 * a new module joins {@link #SERVICES}, {@link #PLATFORM} or {@link #TOOLS}, or its test fails.
 */
public final class ArchitectureRules {

    static final String ROOT = "dev.toolverdicts";

    /** The deployables, each its own package under {@value #ROOT}. */
    public static final List<String> SERVICES = List.of("catalog", "review", "vote", "comparison", "newsletter",
            "identity", "web", "gateway");

    /** The shared libraries under {@code platform/}: they serve services and never use them. */
    public static final List<String> PLATFORM = List.of("events", "outbox", "problem", "consumers",
            "publishedtools", "ratelimits", "servicedefaults", "testsupport", "architecture", "apidocs");

    /** dev-stack and benchmarks: they run and measure the whole system from outside. */
    public static final List<String> TOOLS = List.of("devstack", "benchmarks");

    @ArchTest
    public static final ArchRule EVERY_MODULE_IS_KNOWN = classes()
            .that().resideInAPackage(ROOT + "..")
            .should(beInAKnownModule())
            .as("every class lives in a module named in ArchitectureRules");

    @ArchTest
    public static final ArchRule SERVICES_DO_NOT_DEPEND_ON_EACH_OTHER = classes()
            .that().resideInAPackage(ROOT + "..")
            .should(dependOnNoOtherService())
            .allowEmptyShould(true)
            .as("a service never depends on another service's packages");

    @ArchTest
    public static final ArchRule PLATFORM_DOES_NOT_DEPEND_ON_SERVICES = classes()
            .that().resideInAnyPackage(PLATFORM.stream().map(module -> ROOT + "." + module + "..").toArray(String[]::new))
            .should(dependOnNoService())
            .allowEmptyShould(true)
            .as("platform modules never depend on service packages");

    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching(ROOT + ".(*).(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .as("the feature packages of a module are free of cycles");

    private ArchitectureRules() {
    }

    /** The top-level module of a class under {@value #ROOT} ({@code vote} for {@code dev.toolverdicts.vote.tally}). */
    static Optional<String> moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static ArchCondition<JavaClass> beInAKnownModule() {
        return new ArchCondition<>("be in a known module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String module = moduleOf(type).orElse("");
                boolean known = SERVICES.contains(module) || PLATFORM.contains(module) || TOOLS.contains(module);
                if (!known) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is in module '" + module
                            + "', which is in none of ArchitectureRules.SERVICES, PLATFORM or TOOLS"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnNoOtherService() {
        return new ArchCondition<>("depend on no other service") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = moduleOf(type).filter(SERVICES::contains);
                if (own.isEmpty()) {
                    return;
                }
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    moduleOf(dependency.getTargetClass())
                            .filter(SERVICES::contains)
                            .filter(target -> !target.equals(own.get()))
                            .ifPresent(target -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " (service " + own.get() + " uses service "
                                            + target + ")")));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnNoService() {
        return new ArchCondition<>("depend on no service") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    moduleOf(dependency.getTargetClass())
                            .filter(SERVICES::contains)
                            .ifPresent(target -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " (platform uses service " + target + ")")));
                }
            }
        };
    }
}
