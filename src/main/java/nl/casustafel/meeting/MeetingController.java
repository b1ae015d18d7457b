package nl.casustafel.meeting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import nl.casustafel.platform.PlausibleDate;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewer;
import nl.casustafel.account.Viewers;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.platform.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Meetings of the tables: planning (by the chair), the agenda per meeting type, the live meeting the
 * chair leads, notes, outcome and agreed actions with their follow-up. Broken rules come back as a
 * 400 problem naming the field; every pupil in an answer is the caller's {@code PupilView}.
 */
@Controller("/api")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class MeetingController {

    /** Tables plan a school year or two ahead, never decades. */
    static final int MEETING_YEARS_AHEAD = 3;
    /** An agreed action is due within weeks or months; a few years covers every real follow-up. */
    static final int ACTION_YEARS_AHEAD = 3;

    private final MeetingPlanning planning;
    private final MeetingSession session;
    private final AgendaRegistration registration;
    private final AgendaNotes notes;
    private final MeetingActions actions;
    private final MeetingQueries queries;
    private final Viewers viewers;
    private final SeriesPlanning seriesPlanning;

    public MeetingController(MeetingPlanning planning, MeetingSession session, AgendaRegistration registration, AgendaNotes notes,
                             MeetingActions actions, MeetingQueries queries, Viewers viewers, SeriesPlanning seriesPlanning) {
        this.planning = planning;
        this.session = session;
        this.registration = registration;
        this.notes = notes;
        this.actions = actions;
        this.seriesPlanning = seriesPlanning;
        this.queries = queries;
        this.viewers = viewers;
    }

    @Serdeable
    public record PlanRequest(@Nullable @PlausibleDate(yearsAhead = MEETING_YEARS_AHEAD) Instant startsAt,
                              @Nullable @PlainText(max = 300) String location) {
    }

    @Serdeable
    public record MoveRequest(@Nullable @PlausibleDate(yearsAhead = MEETING_YEARS_AHEAD) Instant startsAt) {
    }

    @Serdeable
    public record RegisterRequest(@Nullable Long pupilId, @Nullable @PlainText(max = 500) String hulpvraag,
                                  @Nullable @PlainText(max = 64) String reason,
                                  @Nullable Boolean consentGiven, @Nullable Boolean reportedToDuo,
                                  @Nullable Boolean parentsKnowCjgAsks, @Nullable @PlainText(max = 200) String parentsInformedBy) {
    }

    @Serdeable
    public record NoteRequest(@Nullable @PlainText(max = 2000) String text, @Nullable @PlainText(max = 32) String category) {
    }

    @Serdeable
    public record OutcomeRequest(@Nullable Integer version, @Nullable @PlainText(max = 2000) String outcome, @Nullable Long caseManagerId) {
    }

    @Serdeable
    public record ActionRequest(@Nullable @PlainText(max = 500) String what, @Nullable Long ownerId,
                                @Nullable @PlausibleDate(yearsAhead = ACTION_YEARS_AHEAD) LocalDate dueOn,
                                @Nullable MeetingAction.Kind kind) {
    }

    @Serdeable
    public record CurrentRequest(@Nullable Long itemId) {
    }

    // ---------------------------------------------------------------- planning

    /** The meetings of the tables the caller sits at (Mijn overleggen), earliest first. */
    @Get("/meetings")
    public List<MeetingViews.MeetingSummary> mine(Authentication authentication) {
        return queries.mine(viewers.of(authentication));
    }

    /** A meeting with its agenda and the open actions of the table carried over from earlier meetings; participants only. */
    @Get("/meetings/{id}")
    public MeetingViews.MeetingDetail get(Authentication authentication, @PathVariable long id) {
        return queries.detail(viewers.of(authentication), id);
    }

    /** Sets up a table (meeting series); the caller chairs it. */
    @Post("/series")
    public HttpResponse<MeetingSeries> createSeries(Authentication authentication, @Valid @Body NewSeriesRequest body) {
        return HttpResponse.created(seriesPlanning.create(viewers.of(authentication), new SeriesPlanning.NewSeries(body.type(),
                body.name(), body.schoolId(), body.everyWeeks(), body.location(), body.participantIds())));
    }

    @Serdeable
    public record NewSeriesRequest(@Nullable MeetingType type, @Nullable @PlainText(max = 200) String name, @Nullable Long schoolId,
                                   @Nullable @Min(1) @Max(52) Integer everyWeeks, @Nullable @PlainText(max = 300) String location,
                                   @Nullable @Size(max = 100) List<@NotNull Long> participantIds) {
    }

    @Post("/series/{seriesId}/meetings")
    public HttpResponse<MeetingViews.MeetingSummary> plan(Authentication authentication, @PathVariable long seriesId,
                                                          @Valid @Body PlanRequest body) {
        Viewer viewer = viewers.of(authentication);
        return HttpResponse.created(queries.summary(viewer, planning.plan(viewer, seriesId, body.startsAt(), body.location())));
    }

    /** Plans the next meeting at the table's cadence after the last one. */
    @Post("/series/{seriesId}/meetings/next")
    public HttpResponse<MeetingViews.MeetingSummary> planNext(Authentication authentication, @PathVariable long seriesId) {
        Viewer viewer = viewers.of(authentication);
        return HttpResponse.created(queries.summary(viewer, planning.planNext(viewer, seriesId)));
    }

    @Post("/meetings/{id}/move")
    public MeetingViews.MeetingSummary move(Authentication authentication, @PathVariable long id, @Valid @Body MoveRequest body) {
        Viewer viewer = viewers.of(authentication);
        return queries.summary(viewer, planning.move(viewer, id, body.startsAt()));
    }

    @Post("/meetings/{id}/cancel")
    public MeetingViews.MeetingSummary cancel(Authentication authentication, @PathVariable long id) {
        Viewer viewer = viewers.of(authentication);
        return queries.summary(viewer, planning.cancel(viewer, id));
    }

    // ---------------------------------------------------------------- agenda

    /** Puts a pupil on the agenda; what must be filled in depends on the meeting type. */
    @Post("/meetings/{id}/agenda")
    public HttpResponse<MeetingViews.Registered> register(Authentication authentication, @PathVariable long id,
                                                          @Valid @Body RegisterRequest body) {
        Viewer viewer = viewers.of(authentication);
        if (body.pupilId() == null) {
            throw new InvalidInputException("pupilId", "Kies de leerling die u wilt aanmelden.");
        }
        AgendaRegistration.Registered registered = registration.register(viewer, id, new AgendaRegistration.Registration(body.pupilId(),
                body.hulpvraag(), body.reason(), body.consentGiven(), body.reportedToDuo(), body.parentsKnowCjgAsks(),
                body.parentsInformedBy()));
        return HttpResponse.created(queries.registered(viewer, registered));
    }

    // ---------------------------------------------------------------- live

    @Post("/meetings/{id}/open")
    public MeetingViews.MeetingSummary open(Authentication authentication, @PathVariable long id) {
        Viewer viewer = viewers.of(authentication);
        return queries.summary(viewer, session.open(viewer, id));
    }

    /** The chair moves the open meeting to an agenda item. */
    @Post("/meetings/{id}/current")
    public MeetingViews.MeetingSummary current(Authentication authentication, @PathVariable long id, @Valid @Body CurrentRequest body) {
        Viewer viewer = viewers.of(authentication);
        if (body.itemId() == null) {
            throw new InvalidInputException("itemId", "Kies het agendapunt dat nu aan de orde is.");
        }
        return queries.summary(viewer, session.moveTo(viewer, id, body.itemId()));
    }

    @Post("/meetings/{id}/close")
    public MeetingViews.MeetingSummary close(Authentication authentication, @PathVariable long id) {
        Viewer viewer = viewers.of(authentication);
        return queries.summary(viewer, session.close(viewer, id));
    }

    // ---------------------------------------------------------------- notes, outcome, actions

    /**
     * The notes the caller may read, as the privacy kernel decides from each note's provenance (party,
     * basis, category); what is withheld is told in the agenda entry's {@code withheld} of the meeting.
     */
    @Get("/agenda-items/{id}/notes")
    public List<MeetingViews.Note> notes(Authentication authentication, @PathVariable long id) {
        return queries.notes(viewers.of(authentication), id);
    }

    @Post("/agenda-items/{id}/notes")
    public HttpResponse<MeetingViews.Note> addNote(Authentication authentication, @PathVariable long id, @Valid @Body NoteRequest body) {
        Viewer viewer = viewers.of(authentication);
        return HttpResponse.created(queries.note(viewer, notes.addNote(viewer, id, body.text(), body.category())));
    }

    /** Saves outcome and case manager when {@code version} is still the stored one; else 400 on "outcome". */
    @Put("/agenda-items/{id}/outcome")
    public MeetingViews.AgendaEntry outcome(Authentication authentication, @PathVariable long id, @Valid @Body OutcomeRequest body) {
        Viewer viewer = viewers.of(authentication);
        if (body.version() == null) {
            throw new InvalidInputException("version", "Stuur de versie van het agendapunt mee die u het laatst hebt gelezen.");
        }
        return queries.entry(viewer, notes.updateOutcome(viewer, id, body.version(), body.outcome(), body.caseManagerId()));
    }

    /** Agrees an action; kind DUO_REPORT (verzuimoverleg) is due in 3 school days unless a date is given. */
    @Post("/agenda-items/{id}/actions")
    public HttpResponse<MeetingViews.Action> addAction(Authentication authentication, @PathVariable long id, @Valid @Body ActionRequest body) {
        Viewer viewer = viewers.of(authentication);
        MeetingAction action = actions.addAction(viewer, id, body.what(), body.ownerId(), body.dueOn(),
                body.kind() == null ? MeetingAction.Kind.GENERAL : body.kind());
        return HttpResponse.created(queries.action(viewer, action));
    }

    /** Its owner marks an action done (a DUO_REPORT action is done when the DUO report is recorded). */
    @Post("/actions/{id}/done")
    public MeetingViews.Action done(Authentication authentication, @PathVariable long id) {
        Viewer viewer = viewers.of(authentication);
        return queries.action(viewer, actions.complete(viewer, id));
    }

    /** The caller's open actions, earliest due first. */
    @Get("/actions/mine")
    public List<MeetingViews.Action> myActions(Authentication authentication) {
        return queries.myOpenActions(viewers.of(authentication));
    }
}
