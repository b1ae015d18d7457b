package nl.casustafel.calendar;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The user's meetings as a calendar: downloaded while signed in, or fetched by a calendar app from the
 * personal feed URL, which needs no sign-in and so carries nothing but table, date, time and location.
 */
@Singleton
public class CalendarService {

    /** How far back the calendar reaches: the meetings of the past half year stay in the user's calendar. */
    static final Duration HISTORY = Duration.ofDays(183);
    static final String FEED_PATH = "/api/calendar/feed/";

    private final CalendarEntries entries;
    private final CalendarFeeds feeds;
    private final Clock clock;
    private final String publicUrl;

    CalendarService(CalendarEntries entries, CalendarFeeds feeds, Clock clock, @Value("${casustafel.public-url}") String publicUrl) {
        this.entries = entries;
        this.feeds = feeds;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The viewer's meetings as an iCalendar document. */
    @Transactional(readOnly = true)
    public String ics(Viewer viewer) {
        return ics(viewer.userId());
    }

    /** The calendar of the feed's account, if the secret is its current one; else the one 404. */
    @Transactional(readOnly = true)
    public String feed(String account, String secret) {
        long userId;
        try {
            userId = Long.parseLong(account);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        if (secret == null || secret.isBlank() || secret.length() > 100 || !feeds.matches(userId, secret)) {
            throw new NotFoundException();
        }
        return ics(userId);
    }

    /** A new feed URL for the viewer (shown once); any earlier URL stops working. */
    @Transactional
    public String renewFeed(Viewer viewer) {
        return publicUrl + FEED_PATH + viewer.userId() + "/" + feeds.renew(viewer.userId()) + ".ics";
    }

    /** Ends the viewer's feed: its URL answers 404 from now on. Returns whether there was one. */
    @Transactional
    public boolean revokeFeed(Viewer viewer) {
        return feeds.revoke(viewer.userId());
    }

    @Transactional(readOnly = true)
    public boolean hasFeed(Viewer viewer) {
        return feeds.exists(viewer.userId());
    }

    /** The viewer's next meeting (being held now, or the first still ahead). */
    @Transactional(readOnly = true)
    public Optional<CalendarEntry> next(Viewer viewer) {
        return entries.next(viewer.userId(), Instant.now(clock).minus(IcsCalendar.LENGTH));
    }

    private String ics(long userId) {
        Instant now = Instant.now(clock);
        return IcsCalendar.write(entries.of(userId, now.minus(HISTORY)), now, publicUrl);
    }
}
