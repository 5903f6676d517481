package dev.toolverdicts.events.catalog;

/** A kind of input or output a model or tool works with. */
public enum Modality {
    TEXT,
    CODE,
    IMAGE,
    AUDIO,
    VIDEO
}
