package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.newsletter.feed.ChangeKind;

/** One line of a digest: what changed, a sentence more, and the page where it shows. */
public record DigestItem(ChangeKind kind, String headline, String detail, String url) {
}
