package dev.toolverdicts.comparison.store;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema holding one generation of the read model. Its name is put into SQL text (schemas cannot be
 * bound as parameters), so only plain lower-case identifiers are accepted.
 */
public record ViewSchema(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ViewSchema {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
    }

    /** {@code schema.table}, for SQL text. */
    public String table(String table) {
        return name + "." + table;
    }

    @Override
    public String toString() {
        return name;
    }
}
