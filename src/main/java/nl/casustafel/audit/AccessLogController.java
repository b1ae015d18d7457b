package nl.casustafel.audit;

import nl.casustafel.platform.PlausibleDate;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;

import java.time.LocalDate;
import java.util.List;

/** The access log, for the privacy officer (functionaris gegevensbescherming) only. */
@Controller("/api/access-log")
@Secured("PRIVACY_OFFICER")
public class AccessLogController {

    private final AccessLogSearch search;
    private final AccessLogChain chain;

    public AccessLogController(AccessLogSearch search, AccessLogChain chain) {
        this.search = search;
        this.chain = chain;
    }

    @Get
    public List<AccessLogSearch.Entry> search(@Nullable @QueryValue Long pupilId, @Nullable @QueryValue @PlainText(max = 64) String username,
                                              @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate from,
                                              @Nullable @QueryValue @PlausibleDate(yearsAhead = 1) LocalDate until) {
        return search.search(new AccessLogSearch.Query(pupilId, username, from, until));
    }

    /** Signs the log's current head (when it still extends the last checkpoint), then checks chain, checkpoints and head. */
    @Get("/verification")
    public AccessLogChain.Verification verify() {
        return chain.checkpointAndVerify();
    }
}
