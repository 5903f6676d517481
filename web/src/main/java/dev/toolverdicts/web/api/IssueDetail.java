package dev.toolverdicts.web.api;

import java.time.Instant;
import java.util.List;

/** One past newsletter issue with its sections. */
public record IssueDetail(String isoWeek, String subject, Instant sentAt, List<Section> sections) {

    /** The items of one kind under their heading. */
    public record Section(String title, List<Item> items) {
    }

    /** One line of the digest and the page where it shows. */
    public record Item(String headline, String detail, String url) {
    }
}
