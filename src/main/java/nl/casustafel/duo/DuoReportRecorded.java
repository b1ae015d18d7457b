package nl.casustafel.duo;

import java.time.LocalDate;

/** A school recorded a DUO report: it fulfils the verzuimoverleg's "DUO report within 3 school days". */
public record DuoReportRecorded(long pupilId, LocalDate reportedOn) {
}
