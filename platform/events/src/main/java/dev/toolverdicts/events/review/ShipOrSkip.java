package dev.toolverdicts.events.review;

/** A panel reviewer's call on a tool: ship with it, or skip it. */
public enum ShipOrSkip {
    SHIP,
    SKIP
}
