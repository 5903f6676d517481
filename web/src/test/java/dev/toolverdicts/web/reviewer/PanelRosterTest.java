package dev.toolverdicts.web.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.web.api.Reviewer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reviewer slugs come from names, stay with the reviewer who had them first, and never collide. */
class PanelRosterTest {

    @Test
    void slugsComeFromTheNameAndANamesakeGetsTheirIdAppended() {
        Reviewer first = reviewer("aaaaaaaa-1111-4000-8000-000000000001", "Zoë Ångström", 1);
        Reviewer later = reviewer("bbbbbbbb-2222-4000-8000-000000000002", "Zoe Angstrom", 2);

        PanelRoster roster = PanelRoster.of(List.of(later, first));

        assertThat(roster.byId(first.id()).slug()).isEqualTo("zoe-angstrom");
        assertThat(roster.byId(later.id()).slug()).isEqualTo("zoe-angstrom-bbbbbbbb");
        assertThat(roster.bySlug("zoe-angstrom-bbbbbbbb")).map(PanelMember::reviewer).contains(later);
        assertThat(roster.byId("no-such-id")).isNull();
    }

    @Test
    void aNameWithoutLettersOrDigitsStillGetsASlug() {
        PanelRoster roster = PanelRoster.of(List.of(reviewer("cccccccc-3333-4000-8000-000000000003", "???", 1)));
        assertThat(roster.members().getFirst().slug()).isEqualTo("reviewer-cccccccc");
    }

    private static Reviewer reviewer(String id, String name, long createdSecond) {
        return new Reviewer(id, 1, name, "BUYER", "bio", null, true, Instant.ofEpochSecond(createdSecond));
    }
}
