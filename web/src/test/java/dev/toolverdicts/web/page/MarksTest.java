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
    void theHueIsOneOfEightAndStable() {
        assertThat(marks.hue("smolvlm-3b")).isEqualTo(marks.hue("smolvlm-3b")).matches("mark-[0-7]");
    }
}
