package dev.toolverdicts.catalog.tool;

/** Shapes of free text the catalog accepts, shared by the request records' constraints. */
public final class TextRules {

    /** One line of printable text: no control characters, no line breaks. */
    public static final String ONE_LINE = "^[^\\p{Cntrl}]*$";
    public static final String ONE_LINE_RULE = "must be one line of text without control characters";

    /** An absolute http or https URL with a host. */
    public static final String WEB_URL = "^https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?([/?#][^\\s]*)?$";
    public static final String WEB_URL_RULE = "must be an absolute http(s) URL, e.g. https://example.com/model";

    /**
     * An absolute https URL with a host: an editor-supplied logo is loaded by every reader's browser, so it must not
     * come over plain http (mixed content, and anyone on the path could swap the image).
     */
    public static final String HTTPS_URL = "^https://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?([/?#][^\\s]*)?$";
    public static final String HTTPS_URL_RULE = "must be an absolute https URL, e.g. https://example.com/logo.svg";

    /** An SPDX identifier (Apache-2.0, MIT) or a named license ("Llama Community License"). */
    public static final String LICENSE = "^[A-Za-z0-9][A-Za-z0-9 .+()/,'-]*$";
    public static final String LICENSE_RULE = "must be an SPDX id such as Apache-2.0 or a license name such as Llama Community License";

    private TextRules() {
    }
}
