package dev.toolverdicts.web.page;

/** A page was asked with input it cannot use (e.g. one tool to compare): a 400 page says how to fix it. */
public class BadInput extends RuntimeException {

    public BadInput(String what) {
        super(what);
    }
}
