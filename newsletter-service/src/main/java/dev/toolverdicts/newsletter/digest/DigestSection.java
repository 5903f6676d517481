package dev.toolverdicts.newsletter.digest;

import java.util.List;

/** The items of one kind under their heading, as mails and the archive show them. */
public record DigestSection(String title, List<DigestItem> items) {
}
