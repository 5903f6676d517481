package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.problem.FieldProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** An ISO-8601 week such as {@code 2026-W48}, Monday to Monday UTC: the identity of an issue, one per week at most. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static IsoWeek of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Parses {@code 2026-W48}; a 400 problem naming {@code field} for anything else, or a week the year lacks. */
    public static IsoWeek parse(String text, String field) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, field, "must be an ISO week like 2026-W48");
        }
        IsoWeek week = new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        long weeksInYear = LocalDate.of(week.year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week.week < 1 || week.week > weeksInYear) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, field, week.year + " has no week " + week.week);
        }
        return week;
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public Instant start() {
        return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public IsoWeek previous() {
        return of(start().minusSeconds(1));
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
