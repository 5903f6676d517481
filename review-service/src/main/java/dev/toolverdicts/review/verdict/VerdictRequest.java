package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.ShipOrSkip;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a reviewer sends to submit or revise their verdict on a tool: the call, the written take, the model version. */
record VerdictRequest(
        @NotNull ShipOrSkip verdict,

        @NotBlank
        @Size(max = Verdict.MAX_TAKE_LENGTH)
        @Pattern(regexp = PLAIN_TEXT, message = "must be plain text: paragraphs, no control characters")
        String take,

        @Size(max = 60)
        @Pattern(regexp = PLAIN_TEXT, message = "must be plain text, no control characters")
        String modelVersion) {

    static final String PLAIN_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    /** The take with one kind of line break and no surrounding blank space; a blank model version is none. */
    VerdictContent content() {
        String cleanTake = take.replace("\r\n", "\n").replace('\r', '\n').strip();
        String cleanModel = modelVersion == null || modelVersion.isBlank() ? null : modelVersion.strip();
        return new VerdictContent(verdict, cleanTake, cleanModel);
    }
}
