package dev.toolverdicts.web.api;

import java.util.Optional;
import java.util.function.Supplier;

/** A read where "not found" is an ordinary answer, not a failure. */
final class Found {

    private Found() {
    }

    static <T> Optional<T> orEmpty(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ServiceFailure failure) {
            if (failure.is(404)) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
