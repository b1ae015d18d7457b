package nl.casustafel.absence;

import nl.casustafel.platform.PlausibleDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewer;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
    private final SignalExport export;
    private final Viewers viewers;

    public AbsenceController(AbsenceImporter importer, SignalWorkList workList, SignalExport export, Viewers viewers) {
        this.importer = importer;
        this.workList = workList;
        this.export = export;
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

    /** The most entries one page of the signal list holds, and how many it holds when not asked. */
    static final int MAX_PAGE_SIZE = 500;
    static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * The signals of the caller's schools, each pupil as the caller may see it, one page at a time ({@code page} from
     * 0, {@code size} up to 500, default 100); the header {@code X-Total-Count} says how many pupils the list holds in
     * all. Only the pupils of the page are read (and logged). Optional: {@code school} (one of the caller's schools;
     * any other id is 404, as one that does not exist), {@code kind} (signal kinds, e.g. {@code RELATIVE_ABSENCE},
     * repeatable), {@code schoolYear}, {@code withoutDuoReport}, {@code sort} ({@code urgency}, {@code pupil},
     * {@code schoolYear}, {@code unauthorised}, {@code sick}, {@code late}, {@code duoReport}) and {@code descending}.
     */
    @Get("/absence-signals{?on,school,kind*,schoolYear,withoutDuoReport,sort,descending,page,size}")
    @Secured("CARE_COORDINATOR")
    public HttpResponse<List<SignalWorkList.Entry>> signals(Authentication authentication,
                                              @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate on,
                                              @Nullable @QueryValue Long school, @Nullable @QueryValue List<String> kind,
                                              @Nullable @QueryValue Integer schoolYear, @Nullable @QueryValue String withoutDuoReport,
                                              @Nullable @QueryValue String sort, @Nullable @QueryValue String descending,
                                              @Nullable @QueryValue @Min(0) @Max(1_000_000) Integer page,
                                              @Nullable @QueryValue @Min(1) @Max(MAX_PAGE_SIZE) Integer size) {
        Viewer viewer = viewers.of(authentication);
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        SignalWorkList.Page shown = workList.page(viewer, on == null ? workList.today() : on,
                filter(viewer, school, kind, schoolYear, withoutDuoReport), order(sort, descending),
                (long) (page == null ? 0 : page) * pageSize, pageSize, SignalWorkList.READ);
        return HttpResponse.ok(shown.entries()).header(TOTAL_COUNT, String.valueOf(shown.total()));
    }

    /** The response header with the number of entries over all pages. */
    static final String TOTAL_COUNT = "X-Total-Count";

    /**
     * The same list as a CSV file for a spreadsheet (Dutch headers, ';'), of the caller's own schools only, each
     * pupil by name only where the caller sees the pupil by name; every pupil exported by name is in the access log.
     */
    @Get(value = "/absence-signals/export{?on,school,kind*,schoolYear,withoutDuoReport,sort,descending}", produces = "text/csv")
    @Secured("CARE_COORDINATOR")
    public HttpResponse<byte[]> export(Authentication authentication, @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate on,
                                       @Nullable @QueryValue Long school, @Nullable @QueryValue List<String> kind,
                                       @Nullable @QueryValue Integer schoolYear, @Nullable @QueryValue String withoutDuoReport,
                                       @Nullable @QueryValue String sort, @Nullable @QueryValue String descending) {
        Viewer viewer = viewers.of(authentication);
        SignalExport.CsvFile file = export.csv(viewer, on == null ? workList.today() : on,
                filter(viewer, school, kind, schoolYear, withoutDuoReport), order(sort, descending));
        return HttpResponse.ok(file.content()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
    }

    private static SignalWorkList.Filter filter(Viewer viewer, @Nullable Long school, @Nullable List<String> kinds,
                                                @Nullable Integer schoolYear, @Nullable String withoutDuoReport) {
        if (school != null && !viewer.worksAt(school)) {
            throw new NotFoundException(); // another school's and no school's alike
        }
        Set<Signal.Type> types = EnumSet.noneOf(Signal.Type.class);
        for (String k : kinds == null ? List.<String>of() : kinds) {
            for (String part : k.split(",")) {
                types.add(Arrays.stream(Signal.Type.values()).filter(t -> t.name().equalsIgnoreCase(part.strip())).findFirst()
                        .orElseThrow(() -> new InvalidInputException("kind", "Onbekend signaal; kies uit " + Arrays.toString(Signal.Type.values()) + ".")));
            }
        }
        return new SignalWorkList.Filter(types, schoolYear, flag("withoutDuoReport", withoutDuoReport), school);
    }

    /** A yes/no query value: {@code true} or {@code false} (absent is false); anything else is a 400. */
    private static boolean flag(String name, @Nullable String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new InvalidInputException(name, "Gebruik true of false.");
        }
        return "true".equals(value);
    }

    private static SignalSort.Order order(@Nullable String sort, @Nullable String descending) {
        if (sort == null || sort.isBlank()) {
            return new SignalSort.Order(SignalSort.Key.URGENCY, flag("descending", descending));
        }
        SignalSort.Key key = SignalSort.Key.byApiName(sort.strip()).orElseThrow(() -> new InvalidInputException("sort",
                "Onbekende sortering; kies uit " + Arrays.stream(SignalSort.Key.values()).map(SignalSort.Key::apiName).toList() + "."));
        return new SignalSort.Order(key, flag("descending", descending));
    }
}
