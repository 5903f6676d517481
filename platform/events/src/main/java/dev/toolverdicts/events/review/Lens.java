package dev.toolverdicts.events.review;

/** The angle a panel reviewer judges every tool from, so the panel's split is readable at a glance. */
public enum Lens {
    /** Developer experience and the primitive itself. */
    BUILDER,
    /** Competitors, failure modes and where it breaks. */
    SKEPTIC,
    /** The thesis behind the tool and its timing. */
    FUTURIST,
    /** Business model and moat. */
    BUYER
}
