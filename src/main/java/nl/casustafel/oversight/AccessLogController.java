package nl.casustafel.oversight;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.casustafel.account.Viewers;
import nl.casustafel.audit.AccessLogChain;
import nl.casustafel.platform.PlainText;
import nl.casustafel.platform.PlausibleDate;

import java.time.LocalDate;

/** The access log, for the privacy officer (functionaris gegevensbescherming) only. */
@Controller("/api/access-log")
@Secured("PRIVACY_OFFICER")
public class AccessLogController {

    private final AccessLogSearch search;
    private final AccessLogCsv csv;
    private final AccessLogChain chain;
    private final Viewers viewers;

    public AccessLogController(AccessLogSearch search, AccessLogCsv csv, AccessLogChain chain, Viewers viewers) {
        this.search = search;
        this.csv = csv;
        this.chain = chain;
        this.viewers = viewers;
    }

    /**
     * The newest matching rows; {@code pupil} is a name (or part of it), a BSN or a pupil number. A name
     * or BSN is looked up by the privacy kernel and logged as the officer's read; the rows of a pupil found
     * that way carry its name.
     */
    @Get
    public AccessLogSearch.Result search(Authentication authentication,
                                         @Nullable @QueryValue @PlainText(max = 200) String pupil,
                                         @Nullable @QueryValue Long pupilId,
                                         @Nullable @QueryValue @PlainText(max = 64) String username,
                                         @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate from,
                                         @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate until) {
        return search.search(viewers.of(authentication), new AccessLogSearch.Query(pupil, pupilId, username, from, until), "API");
    }

    /** The same search as a CSV file ({@value AccessLogCsv#FILE_NAME}). */
    @Get(value = "/export", produces = AccessLogCsv.CONTENT_TYPE)
    public HttpResponse<byte[]> export(Authentication authentication,
                                       @Nullable @QueryValue @PlainText(max = 200) String pupil,
                                       @Nullable @QueryValue Long pupilId,
                                       @Nullable @QueryValue @PlainText(max = 64) String username,
                                       @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate from,
                                       @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate until) {
        AccessLogSearch.Result result = search.search(viewers.of(authentication),
                new AccessLogSearch.Query(pupil, pupilId, username, from, until), "API, export");
        return HttpResponse.ok(csv.write(result)).contentType(AccessLogCsv.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + AccessLogCsv.FILE_NAME + "\"");
    }

    /** Signs the log's current head (when it still extends the last checkpoint), then checks chain, checkpoints and head. */
    @Get("/verification")
    public AccessLogChain.Verification verify() {
        return chain.checkpointAndVerify();
    }
}
