package nl.casustafel.absence;

import nl.casustafel.platform.PlausibleDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;

/**
 * For a school's administration system: push absence records in batches (idempotent by the
 * school's own record id, checked as the CSV import is), and read the school's signal work list.
 * A token of a care coordinator reaches only the pupils of that person's schools.
 */
@Controller("/api")
public class AbsenceController {

    static final int MAX_BATCH = 10_000;

    private final AbsenceImporter importer;
    private final SignalWorkList workList;
    private final Viewers viewers;

    public AbsenceController(AbsenceImporter importer, SignalWorkList workList, Viewers viewers) {
        this.importer = importer;
        this.workList = workList;
        this.viewers = viewers;
    }

    /** One absence record as a school system sends it; fields as in the CSV export. */
    @Serdeable
    public record RecordRequest(@Nullable @PlainText(max = 64) String recordId, @Nullable @PlainText(max = 20) String brin,
                                @Nullable @PlainText(max = 20) String bsn, @Nullable @PlainText(max = 20) String date,
                                @Nullable Integer lessonHour, @Nullable @PlainText(max = 20) String partOfDay,
                                @Nullable @PlainText(max = 40) String kind,
                                @Nullable BigDecimal hours, @Nullable @PlainText(max = 20) String reasonCode) {
    }

    @Serdeable
    public record BatchRequest(@Nullable List<@NotNull @Valid RecordRequest> records) {
    }

    /** Stores the batch, all or nothing; a 400 problem lists every rejected record as {@code records[i]}. */
    @Post("/absence-records")
    @Secured("CARE_COORDINATOR")
    public ImportReport push(Authentication authentication, @Valid @Body BatchRequest body) {
        List<RecordRequest> records = body.records() == null ? List.of() : body.records();
        if (records.isEmpty() || records.size() > MAX_BATCH) {
            throw new InvalidInputException("records", "Stuur 1 tot en met " + MAX_BATCH + " registraties per keer.");
        }
        List<AbsenceInput> inputs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            RecordRequest r = records.get(i);
            inputs.add(new AbsenceInput(i + 1, r.recordId(), r.brin(), r.bsn(), r.date(),
                    r.lessonHour() == null ? null : r.lessonHour().toString(), r.partOfDay(), r.kind(),
                    r.hours() == null ? null : r.hours().toPlainString(), r.reasonCode()));
        }
        ImportReport report = importer.run(viewers.of(authentication), inputs.iterator(), AbsenceImporter.Mode.IMPORT, rows -> { });
        if (!report.clean()) {
            throw new InvalidInputException(report.rejectedCount() + " registratie(s) afgewezen; er is niets opgeslagen.",
                    report.rejected().stream().map(r -> new Problem.FieldError("records[" + (r.line() - 1) + "]", r.reason())).toList());
        }
        return report;
    }

    /** The signals of the caller's schools, each pupil as the caller may see it. */
    @Get("/absence-signals")
    @Secured("CARE_COORDINATOR")
    public List<SignalWorkList.Entry> signals(Authentication authentication, @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate on) {
        return on == null ? workList.of(viewers.of(authentication)) : workList.of(viewers.of(authentication), on);
    }
}
