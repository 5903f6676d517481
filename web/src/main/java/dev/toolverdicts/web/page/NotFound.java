package dev.toolverdicts.web.page;

/** A page asked for something that does not exist (or is not published): the reader gets a 404 page saying what. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
