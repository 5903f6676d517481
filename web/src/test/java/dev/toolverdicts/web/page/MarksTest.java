package dev.toolverdicts.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Monograms read as the tool's initials and keep one colour per slug. */
class MarksTest {

    private final Marks marks = new Marks();

    @Test
    void initialsOfOneOrMoreWords() {
        assertThat(marks.initials("Code Llama 4")).isEqualTo("CL");
        assertThat(marks.initials("SmolVLM-3B")).isEqualTo("S3");
        assertThat(marks.initials("Tabwise")).isEqualTo("TA");
        assertThat(marks.initials(" ")).isEqualTo("?");
    }

    @Test
    void aLogoIsUsedOnlyWhenItIsAnAbsoluteHttpsUrl() {
        assertThat(marks.logo("https://cdn.example.com/logos/smolvlm-3b.svg"))
                .isEqualTo("https://cdn.example.com/logos/smolvlm-3b.svg");
        assertThat(marks.logo(null)).as("no logo: the monogram").isNull();
        assertThat(marks.logo("http://cdn.example.com/logo.svg")).as("the CSP would block it").isNull();
        assertThat(marks.logo("javascript:alert(1)")).isNull();
        assertThat(marks.logo("/logo.svg")).isNull();
        assertThat(marks.logo("https://")).isNull();
        assertThat(marks.logo("https://cdn.example.com/a b.svg")).isNull();
    }

    @Test
    void theHueIsOneOfEightAndStable() {
        assertThat(marks.hue("smolvlm-3b")).isEqualTo(marks.hue("smolvlm-3b")).matches("mark-[0-7]");
    }
}
